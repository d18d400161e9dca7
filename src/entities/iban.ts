/**
 * International Bank Account Numbers, ISO 13616-1:2020.
 */

// IBAN length per country, from the SWIFT IBAN Registry (release 2024).
// MA is not in the registry, but Moroccan banks issue 28-character IBANs
// (MA + check digits + the 24-digit RIB) for international transfers.
const IBAN_LENGTHS_TABLE = `
AD 24 AE 23 AL 28 AT 20 AZ 28 BA 20 BE 16 BG 22 BH 22 BI 27 BR 29 BY 28 CH 21 CR 22 CY 28 CZ 24 DE 22 DJ 27
DK 18 DO 28 EE 20 EG 29 ES 24 FI 18 FK 18 FO 18 FR 27 GB 22 GE 22 GI 23 GL 18 GR 27 GT 28 HN 28 HR 21 HU 28
IE 22 IL 23 IQ 23 IS 26 IT 27 JO 30 KW 30 KZ 20 LB 28 LC 32 LI 21 LT 20 LU 20 LV 21 LY 25 MA 28 MC 27 MD 24
ME 22 MK 19 MN 20 MR 27 MT 31 MU 30 NI 28 NL 18 NO 15 OM 23 PK 24 PL 28 PS 29 PT 25 QA 29 RO 24 RS 22 RU 33
SA 24 SC 31 SD 18 SE 24 SI 19 SK 24 SM 27 SO 23 ST 25 SV 28 TL 23 TN 24 TR 26 UA 29 VA 22 VG 24 XK 20 YE 30
`;

/** IBAN length for each country that issues IBANs. */
export const IBAN_LENGTHS: ReadonlyMap<string, number> = (() => {
  const words = IBAN_LENGTHS_TABLE.trim().split(/\s+/);
  const map = new Map<string, number>();
  for (let i = 0; i < words.length; i += 2) map.set(words[i]!, Number(words[i + 1]));
  return map;
})();

/** Why an IBAN was refused. */
export type IbanProblem = 'iban_format' | 'iban_country' | 'iban_length' | 'iban_checksum';

/** Remove spaces and upper-case: `"pk36 scbl 0000 0011 2345 6702"` → `"PK36SCBL0000001123456702"`. */
export function normaliseIban(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * ISO 13616 / ISO 7064 MOD 97-10: move the first four characters to the end,
 * replace letters by 10–35, and the number must be ≡ 1 (mod 97). Computed
 * piecewise so no big integers are needed.
 */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

/** The first problem with an IBAN in electronic form (no spaces), or `undefined` if it is valid. */
export function checkIban(iban: string): IbanProblem | undefined {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return 'iban_format';
  const length = IBAN_LENGTHS.get(iban.slice(0, 2));
  if (length === undefined) return 'iban_country';
  if (iban.length !== length) return 'iban_length';
  return ibanMod97(iban) === 1 ? undefined : 'iban_checksum';
}

/** True for a valid IBAN in electronic form. */
export function isValidIban(iban: string): boolean {
  return checkIban(iban) === undefined;
}
