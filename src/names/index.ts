export { compareNames, compareParsedNames, compareTokens, DEFAULT_COMPARE_OPTIONS } from './compare.js';
export type { AlignmentKind, CompareNamesResult, CompareOptions, NameAlignment } from './compare.js';
export { foldArabic, foldLatin, normalizeName, detectScript } from './normalize.js';
export type { NameScript } from './normalize.js';
export { parseName } from './parse-name.js';
export type { NameInput, NameRole, NameToken, ParsedName, TokenKind } from './parse-name.js';
export { romanizeArabicToken } from './romanize.js';
export { phoneticKey } from './phonetic-key.js';
export { spellingForm } from './spelling-form.js';
