/**
 * Machine-readable zone parser, ICAO Doc 9303 (8th edition):
 * part 3 (common specifications, check digits), part 4 (TD3, passports),
 * part 5 (TD1 cards), part 6 (TD2 cards) and part 7 (MRV-A / MRV-B visas).
 */
import { fromAlpha3 } from './countries.js';
import type { Sex } from './person.js';

/** Layout of the zone: TD1 = 3×30, TD2 = 2×36, TD3 = 2×44, MRV-A = 2×44 visa, MRV-B = 2×36 visa. */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

/** The fields of a machine-readable zone, fillers (`<`) removed. */
export interface MrzFields {
  format: MrzFormat;
  /** Document code with fillers removed: `P`, `PD`, `I`, `ID`, `AC`, `V`... */
  documentCode: string;
  /** Issuing state or organisation as written (ICAO code: `UTO`, `D`, `GBR`, `UNO`...). */
  issuingState: string;
  /** ISO 3166-1 alpha-2 of the issuing state, when it is a country. */
  issuingCountry?: string;
  surname: string;
  givenNames: string[];
  documentNumber: string;
  /** Nationality as written (ICAO code; `XXA` = stateless). */
  nationality: string;
  /** ISO 3166-1 alpha-2 of the nationality, when it is a country. */
  nationalityCountry?: string;
  /** Date of birth as written, `YYMMDD` (`<` marks an unknown part). */
  birthDateRaw: string;
  /** Date of birth with the century resolved, reduced when day or month is unknown. */
  birthDate: string;
  sex: Sex;
  /** Date of expiry as written, `YYMMDD`. */
  expiryDateRaw: string;
  /** Date of expiry with the century resolved, `YYYY-MM-DD`. */
  expiryDate: string;
  /** TD3: personal number; TD1: optional data of line 1; TD2 and visas: optional data. */
  optionalData: string;
  /** TD1 only: optional data of line 2. */
  optionalData2?: string;
}

/** One problem found in a zone. `field` names an `MrzFields` key, or `line1`..`line3`, `format`, `composite`. */
export interface MrzError {
  field: string;
  code: 'mrz_format' | 'mrz_charset' | 'mrz_check_digit' | 'date_invalid';
  message: string;
}

/** Result of `parseMrz`. On failure `mrz` holds what could be read, for display next to the errors. */
export type MrzParseResult =
  | { ok: true; mrz: MrzFields }
  | { ok: false; errors: MrzError[]; mrz?: MrzFields };

/** Options of `parseMrz`. */
export interface ParseMrzOptions {
  /**
   * Year used to resolve two-digit years (a birth date is never after it; an
   * expiry date lies within 50 years of it). Defaults to the current UTC year;
   * pass it explicitly for reproducible results.
   */
  referenceYear?: number;
}

const WEIGHTS = [7, 3, 1] as const;

function charValue(ch: string): number {
  if (ch === '<') return 0;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55; // A = 10 ... Z = 35
  return Number.NaN;
}

/**
 * ICAO 9303 part 3 §4.9 check digit: character values (digits as such,
 * A–Z = 10–35, filler = 0) weighted 7, 3, 1 repeating, summed, modulo 10.
 */
export function mrzCheckDigit(value: string): number {
  let sum = 0;
  for (let i = 0; i < value.length; i++) sum += charValue(value[i]!) * WEIGHTS[i % 3]!;
  return sum % 10;
}

const LINE_LENGTHS: Record<number, number[]> = { 30: [30, 30, 30], 36: [36, 36], 44: [44, 44] };

function splitLines(text: string): string[] {
  // Scanners and OCR add spaces, blank lines and CRLF; none of these can occur in a zone.
  const lines = text
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/[ \t]/g, ''))
    .filter((l) => l.length > 0);
  if (lines.length === 1) {
    const one = lines[0]!;
    for (const width of [30, 36, 44]) {
      const count = LINE_LENGTHS[width]!.length;
      if (one.length === width * count) {
        return Array.from({ length: count }, (_, i) => one.slice(i * width, (i + 1) * width));
      }
    }
  }
  return lines;
}

function detectFormat(lines: string[]): MrzFormat | undefined {
  const widths = lines.map((l) => l.length);
  const visa = lines[0]?.startsWith('V') ?? false;
  if (lines.length === 3 && widths.every((w) => w === 30)) return 'TD1';
  if (lines.length === 2 && widths.every((w) => w === 36)) return visa ? 'MRVB' : 'TD2';
  if (lines.length === 2 && widths.every((w) => w === 44)) return visa ? 'MRVA' : 'TD3';
  return undefined;
}

const strip = (s: string): string => s.replace(/<+$/, '').replace(/</g, ' ').trim();

function parseName(field: string): { surname: string; givenNames: string[] } {
  // Primary and secondary identifiers are separated by `<<`; `<` separates name components.
  const cut = field.indexOf('<<');
  const primary = cut < 0 ? field : field.slice(0, cut);
  const secondary = cut < 0 ? '' : field.slice(cut + 2);
  return {
    surname: strip(primary),
    givenNames: secondary.split('<').filter((part) => part.length > 0),
  };
}

function resolveDate(raw: string, kind: 'birth' | 'expiry', referenceYear: number): string | undefined {
  const yy = raw.slice(0, 2);
  const mm = raw.slice(2, 4);
  const dd = raw.slice(4, 6);
  if (!/^\d\d$/.test(yy)) return undefined;
  let year = 2000 + Number(yy);
  if (kind === 'birth' && year > referenceYear) year -= 100;
  if (kind === 'expiry' && year > referenceYear + 50) year -= 100;
  // Part 3 §4.6: an unknown month or day is written with fillers; keep the date reduced rather than invent it.
  if (kind === 'birth' && mm === '<<') return dd === '<<' ? String(year) : undefined;
  if (!/^\d\d$/.test(mm)) return undefined;
  const month = Number(mm);
  if (month < 1 || month > 12) return undefined;
  const ym = `${year}-${mm}`;
  if (kind === 'birth' && dd === '<<') return ym;
  if (!/^\d\d$/.test(dd)) return undefined;
  const day = Number(dd);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= last ? `${ym}-${dd}` : undefined;
}

function sexOf(ch: string): Sex | undefined {
  if (ch === 'M') return 'male';
  if (ch === 'F') return 'female';
  if (ch === '<' || ch === 'X') return 'unspecified';
  return undefined;
}

interface Layout {
  line1: string;
  /** Document code, issuing state, name. */
  header: { code: string; state: string; name: string };
  /** Document number field, its check digit and the optional field it may overflow into. */
  number: { value: string; check: string; overflow: string };
  birth: { value: string; check: string };
  sex: string;
  expiry: { value: string; check: string };
  nationality: string;
  optional2?: string;
  personal?: { value: string; check: string };
  composite?: { value: string; check: string };
}

function layoutOf(format: MrzFormat, lines: string[]): Layout {
  const [l1, l2, l3] = lines as [string, string, string | undefined];
  if (format === 'TD1') {
    const l3s = l3 ?? '';
    return {
      line1: l1,
      header: { code: l1.slice(0, 2), state: l1.slice(2, 5), name: l3s },
      number: { value: l1.slice(5, 14), check: l1[14]!, overflow: l1.slice(15, 30) },
      birth: { value: l2.slice(0, 6), check: l2[6]! },
      sex: l2[7]!,
      expiry: { value: l2.slice(8, 14), check: l2[14]! },
      nationality: l2.slice(15, 18),
      optional2: l2.slice(18, 29),
      // Part 5 §4.2.2: upper line positions 6–30, middle line 1–7, 9–15 and 19–29.
      composite: {
        value: l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29),
        check: l2[29]!,
      },
    };
  }
  const wide = l1.length === 44;
  const optionalEnd = format === 'TD3' ? 42 : wide ? 44 : format === 'TD2' ? 35 : 36;
  const layout: Layout = {
    line1: l1,
    header: { code: l1.slice(0, 2), state: l1.slice(2, 5), name: l1.slice(5) },
    number: { value: l2.slice(0, 9), check: l2[9]!, overflow: l2.slice(28, optionalEnd) },
    birth: { value: l2.slice(13, 19), check: l2[19]! },
    sex: l2[20]!,
    expiry: { value: l2.slice(21, 27), check: l2[27]! },
    nationality: l2.slice(10, 13),
  };
  if (format === 'TD3') {
    layout.personal = { value: l2.slice(28, 42), check: l2[42]! };
    // Part 4 §4.2.2: positions 1–10, 14–20 and 22–43 of the lower line.
    layout.composite = { value: l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), check: l2[43]! };
  } else if (format === 'TD2') {
    // Part 6 §4.2.2: positions 1–10, 14–20 and 22–35 of the lower line.
    layout.composite = { value: l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), check: l2[35]! };
  }
  return layout;
}

const DIGIT_NAMES: Record<string, string> = {
  documentNumber: 'document number',
  birthDate: 'date of birth',
  expiryDate: 'date of expiry',
  optionalData: 'personal number',
  composite: 'composite',
};

/**
 * Parse and verify a machine-readable zone (TD1, TD2, TD3, MRV-A, MRV-B).
 * Every check digit is verified (document number, date of birth, date of
 * expiry, TD3 personal number, composite); all problems are reported, not
 * only the first.
 */
export function parseMrz(text: string, options: ParseMrzOptions = {}): MrzParseResult {
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const lines = splitLines(text);
  const format = detectFormat(lines);
  if (!format) {
    return {
      ok: false,
      errors: [
        {
          field: 'format',
          code: 'mrz_format',
          message: 'Expected 3 lines of 30 characters (TD1), 2 of 36 (TD2, MRV-B) or 2 of 44 (TD3, MRV-A)',
        },
      ],
    };
  }
  const errors: MrzError[] = [];
  lines.forEach((line, i) => {
    if (!/^[A-Z0-9<]+$/.test(line)) {
      errors.push({
        field: `line${i + 1}`,
        code: 'mrz_charset',
        message: `Line ${i + 1} may contain only A–Z, 0–9 and <`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  const layout = layoutOf(format, lines);
  const check = (field: string, value: string, digit: string, fillerAllowed = false): void => {
    // Part 4 §4.2.2 note: an all-filler personal number may carry a filler as its check digit.
    if (fillerAllowed && digit === '<' && /^<*$/.test(value)) return;
    if (!/^\d$/.test(digit) || Number(digit) !== mrzCheckDigit(value)) {
      errors.push({
        field,
        code: 'mrz_check_digit',
        message: `Check digit of the ${DIGIT_NAMES[field] ?? field} does not match`,
      });
    }
  };

  const code = layout.header.code.replace(/</g, '');
  const first = code[0] ?? '';
  const allowed = format === 'TD3' ? 'P' : format === 'MRVA' || format === 'MRVB' ? 'V' : 'ACI';
  if (!allowed.includes(first)) {
    errors.push({
      field: 'documentCode',
      code: 'mrz_format',
      message: `A ${format} document code starts with ${allowed.split('').join(' or ')}`,
    });
  }

  // Part 5 §4.2.4 / part 6 note: a document number longer than 9 characters puts a
  // filler in the check-digit position and continues in the optional data, its check digit last.
  let documentNumber = layout.number.value;
  let numberCheck = layout.number.check;
  let overflowRest = layout.number.overflow;
  if (numberCheck === '<' && (format === 'TD1' || format === 'TD2')) {
    const run = /^[A-Z0-9]+/.exec(layout.number.overflow)?.[0] ?? '';
    documentNumber += run.slice(0, -1);
    numberCheck = run.slice(-1) || '<';
    overflowRest = layout.number.overflow.slice(run.length + 1);
  }
  check('documentNumber', documentNumber, numberCheck);
  check('birthDate', layout.birth.value, layout.birth.check);
  check('expiryDate', layout.expiry.value, layout.expiry.check);
  if (layout.personal) check('optionalData', layout.personal.value, layout.personal.check, true);
  if (layout.composite) check('composite', layout.composite.value, layout.composite.check);

  const sex = sexOf(layout.sex);
  if (!sex) errors.push({ field: 'sex', code: 'mrz_format', message: 'Sex must be M, F, X or <' });
  const birthDate = resolveDate(layout.birth.value, 'birth', referenceYear);
  if (!birthDate)
    errors.push({ field: 'birthDate', code: 'date_invalid', message: 'Date of birth is not a real date' });
  const expiryDate = /^\d{6}$/.test(layout.expiry.value)
    ? resolveDate(layout.expiry.value, 'expiry', referenceYear)
    : undefined;
  if (!expiryDate) {
    errors.push({ field: 'expiryDate', code: 'date_invalid', message: 'Date of expiry is not a real date' });
  }

  const { surname, givenNames } = parseName(layout.header.name);
  const issuingState = layout.header.state.replace(/</g, '');
  const nationality = layout.nationality.replace(/</g, '');
  const mrz: MrzFields = {
    format,
    documentCode: code,
    issuingState,
    surname,
    givenNames,
    documentNumber: documentNumber.replace(/</g, ''),
    nationality,
    birthDateRaw: layout.birth.value,
    birthDate: birthDate ?? '',
    sex: sex ?? 'unknown',
    expiryDateRaw: layout.expiry.value,
    expiryDate: expiryDate ?? '',
    optionalData: strip(layout.personal ? layout.personal.value : overflowRest),
  };
  const issuingCountry = fromAlpha3(issuingState);
  if (issuingCountry) mrz.issuingCountry = issuingCountry;
  const nationalityCountry = fromAlpha3(nationality);
  if (nationalityCountry) mrz.nationalityCountry = nationalityCountry;
  if (layout.optional2 !== undefined) mrz.optionalData2 = strip(layout.optional2);

  return errors.length > 0 ? { ok: false, errors, mrz } : { ok: true, mrz };
}
