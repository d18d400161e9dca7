/**
 * Country codes: ISO 3166-1 alpha-2 (what Passerelle stores) with the
 * matching alpha-3 (what ICAO 9303 machine-readable zones carry).
 */
import * as z from 'zod';
import { addIssue } from './issues.js';

// ISO 3166-1 officially assigned codes (249), alpha-2 then alpha-3.
const ISO_3166_1 = `
AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA AZ AZE
BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS
BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN
CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST
EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD GE GEO GF GUF
GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD
HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM
JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA
LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD
ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM
NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG
PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA
SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD
ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON
TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR
VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE
`;

function pairs(): Array<[string, string]> {
  const words = ISO_3166_1.trim().split(/\s+/);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < words.length; i += 2) out.push([words[i]!, words[i + 1]!]);
  return out;
}

const ALPHA2_TO_ALPHA3 = new Map(pairs());

/**
 * Kosovo is not in ISO 3166-1, but the code XK is used by the EU, the SWIFT
 * IBAN registry and INTERPOL, and its passports read RKS in the MRZ; refusing
 * it would leave Kosovar nationals unrecordable.
 */
const USER_ASSIGNED: ReadonlyMap<string, string> = new Map([['XK', 'RKS']]);

/** All 249 ISO 3166-1 alpha-2 codes, sorted. */
export const ISO_COUNTRY_CODES: readonly string[] = [...ALPHA2_TO_ALPHA3.keys()];

/** Every code `countryCodeSchema` accepts: ISO 3166-1 alpha-2 plus XK (Kosovo). */
export const COUNTRY_CODES: readonly string[] = [...ISO_COUNTRY_CODES, ...USER_ASSIGNED.keys()].sort();

const ACCEPTED = new Set(COUNTRY_CODES);

/**
 * ICAO 9303 part 3 codes that differ from ISO 3166-1 alpha-3, mapped to the
 * alpha-2 of the state concerned. Codes for stateless persons, refugees and
 * organisations (XXA, XXB, XXC, XXX, UNO, UNA, UNK, XPO...) have no country.
 */
const ICAO_SPECIAL: ReadonlyMap<string, string> = new Map([
  ['D', 'DE'],
  ['GBD', 'GB'],
  ['GBN', 'GB'],
  ['GBO', 'GB'],
  ['GBP', 'GB'],
  ['GBS', 'GB'],
  ['RKS', 'XK'],
]);

const ALPHA3_TO_ALPHA2 = new Map<string, string>([
  ...[...ALPHA2_TO_ALPHA3].map(([a2, a3]): [string, string] => [a3, a2]),
  ...ICAO_SPECIAL,
]);

/** True for an accepted alpha-2 country code (upper case). */
export function isCountryCode(code: string): boolean {
  return ACCEPTED.has(code);
}

/** ISO 3166-1 alpha-3 for an alpha-2 code, or `undefined`. */
export function toAlpha3(alpha2: string): string | undefined {
  return ALPHA2_TO_ALPHA3.get(alpha2) ?? USER_ASSIGNED.get(alpha2);
}

/**
 * Alpha-2 for an ISO 3166-1 alpha-3 code or an ICAO 9303 nationality code as
 * read from an MRZ (`D<<` and `D` both give `DE`), or `undefined`.
 */
export function fromAlpha3(code: string): string | undefined {
  return ALPHA3_TO_ALPHA2.get(code.replace(/<+$/, ''));
}

/** A country as an upper-case ISO 3166-1 alpha-2 code (or XK). */
export const countryCodeSchema = z.string().superRefine((value, ctx) => {
  if (!ACCEPTED.has(value)) {
    addIssue(
      ctx,
      'country_unknown',
      'Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. MA or PK',
    );
  }
});

/** An ISO 3166-1 alpha-2 country code (or XK). */
export type CountryCode = z.infer<typeof countryCodeSchema>;
