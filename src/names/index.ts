// Public surface of the names engine: pure multi-script name matching (DESIGN §6), shared by
// matching, screening, incidents and the web UI. No I/O, no node:* imports.

export { BLIND_KEYS_PER_PART, blindKey, blindStem, personBlindTokens } from './blind-tokens.js';
export type { AlignmentKind, CompareNamesResult, CompareOptions, NameAlignment } from './compare.js';
/** Compare two names in any script; score in [0, 1] with an explanation of the alignment. */
export {
  compareNames,
  compareParsedNames,
  compareTokens,
  DEFAULT_COMPARE_OPTIONS,
  scoreParsedNames,
} from './compare.js';
export type { MatchPerson, MatchTokenOptions } from './match-keys.js';
/** Keys for candidate search and hit/no-hit matching (DESIGN §7). */
export { BLOCKING_KEY_LENGTH, blockingKeyLength, blockingKeys, personMatchTokens } from './match-keys.js';
export type { NameScript } from './normalize.js';
/** Normalisation and script folding. */
export {
  ARABIC_FOLDINGS,
  detectScript,
  foldArabic,
  foldLatin,
  normalizeName,
  romanizeCyrillic,
  stripInvisible,
  unsupportedScripts,
} from './normalize.js';
export type { NameInput, NameRole, NameToken, ParsedName, TokenKind } from './parse-name.js';
/** Tokenising, particles, compounds, weights. */
export { MAX_NAME_WORDS, MAX_WORD_LENGTH, parseName, TOKEN_WEIGHTS } from './parse-name.js';
export { phoneticKey } from './phonetic-key.js';
export { foreignReadings, romanizeArabicToken } from './romanize.js';
export type { NameSearchHit, NameSearchOptions, PersonRecord } from './search-index.js';
/** In-memory top-k candidate search over person records. */
export { buildNameIndex, NameIndex, NameIndexBuilder, yearFactor } from './search-index.js';
export { spellingForm } from './spelling-form.js';
export type { EditCosts } from './token-distance.js';
export { DEFAULT_EDIT_COSTS, formDistance, formSimilarity } from './token-distance.js';
