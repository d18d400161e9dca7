// Country names as the UN Consolidated List writes them (UN terminology short names, plus
// the variants and demonyms its free-text fields use) mapped to ISO 3166-1 alpha-2, so a
// designation's nationality can be compared with a person's ISO code. A name not found here
// is kept as written and compared as text.

const UN_NAMES = `
AF Afghanistan|Afghan;AL Albania;DZ Algeria|Algerian;AD Andorra;AO Angola;AG Antigua and Barbuda;
AR Argentina;AM Armenia;AU Australia|Australian;AT Austria;AZ Azerbaijan;BS Bahamas;BH Bahrain|Bahraini;
BD Bangladesh|Bangladeshi;BB Barbados;BY Belarus;BE Belgium|Belgian;BZ Belize;BJ Benin;BT Bhutan;
BO Bolivia (Plurinational State of)|Bolivia;BA Bosnia and Herzegovina;BW Botswana;BR Brazil;
BN Brunei Darussalam;BG Bulgaria;BF Burkina Faso;BI Burundi;CV Cabo Verde|Cape Verde;KH Cambodia;
CM Cameroon;CA Canada|Canadian;CF Central African Republic;TD Chad|Chadian;CL Chile;CN China|Chinese;
CO Colombia;KM Comoros;CG Congo|Republic of the Congo;CR Costa Rica;CI Côte d'Ivoire|Cote d'Ivoire;
HR Croatia;CU Cuba;CY Cyprus;CZ Czechia|Czech Republic;KP Democratic People's Republic of Korea|DPRK|RPDC|North Korea;
CD Democratic Republic of the Congo|DRC;DK Denmark|Danish;DJ Djibouti;DM Dominica;DO Dominican Republic;
EC Ecuador;EG Egypt|Egyptian;SV El Salvador;GQ Equatorial Guinea;ER Eritrea|Eritrean;EE Estonia;
SZ Eswatini|Swaziland;ET Ethiopia|Ethiopian;FJ Fiji;FI Finland;FR France|French;GA Gabon;GM Gambia;
GE Georgia|Georgian;DE Germany|German;GH Ghana;GR Greece;GD Grenada;GT Guatemala;GN Guinea;
GW Guinea-Bissau;GY Guyana;HT Haiti|Haitian;HN Honduras;HU Hungary;IS Iceland;IN India|Indian;
ID Indonesia|Indonesian;IR Iran (Islamic Republic of)|Iran|Iranian;IQ Iraq|Iraqi;IE Ireland;IL Israel;
IT Italy|Italian;JM Jamaica;JP Japan;JO Jordan|Jordanian;KZ Kazakhstan;KE Kenya|Kenyan;KI Kiribati;
KW Kuwait|Kuwaiti;KG Kyrgyzstan;LA Lao People's Democratic Republic;LV Latvia;LB Lebanon|Lebanese;
LS Lesotho;LR Liberia;LY Libya|Libyan;LI Liechtenstein;LT Lithuania;LU Luxembourg;MG Madagascar;
MW Malawi;MY Malaysia|Malaysian;MV Maldives;ML Mali|Malian;MT Malta;MH Marshall Islands;
MR Mauritania|Mauritanian;MU Mauritius;MX Mexico;FM Micronesia (Federated States of);MC Monaco;
MN Mongolia;ME Montenegro;MA Morocco|Moroccan;MZ Mozambique;MM Myanmar;NA Namibia;NR Nauru;NP Nepal;
NL Netherlands|Netherlands (Kingdom of the)|Dutch;NZ New Zealand;NI Nicaragua;NE Niger;NG Nigeria|Nigerian;
MK North Macedonia;NO Norway|Norwegian;OM Oman|Sultanate of Oman;PK Pakistan|Pakistani;PW Palau;
PA Panama;PG Papua New Guinea;PY Paraguay;PE Peru;PH Philippines|Filipino;PL Poland;PT Portugal;
QA Qatar|Qatari;KR Republic of Korea|South Korea;MD Republic of Moldova;RO Romania;
RU Russian Federation|Russia|Russian;RW Rwanda|Rwandan;KN Saint Kitts and Nevis;LC Saint Lucia;
VC Saint Vincent and the Grenadines;WS Samoa;SM San Marino;ST Sao Tome and Principe;
SA Saudi Arabia|Saudi Arabian|Saudi;SN Senegal|Senegalese;RS Serbia;SC Seychelles;SL Sierra Leone;
SG Singapore;SK Slovakia;SI Slovenia;SB Solomon Islands;SO Somalia|Somali;ZA South Africa;
SS South Sudan;ES Spain|Spanish;LK Sri Lanka;SD Sudan|Sudanese;SR Suriname;SE Sweden|Swedish;
CH Switzerland|Swiss;SY Syrian Arab Republic|Syria|Syrian;TJ Tajikistan;TH Thailand;
TL Timor-Leste;TG Togo;TO Tonga;TT Trinidad and Tobago;TN Tunisia|Tunisian;TR Türkiye|Turkey|Turkish;
TM Turkmenistan;TV Tuvalu;UG Uganda|Ugandan;UA Ukraine;AE United Arab Emirates|UAE;
GB United Kingdom of Great Britain and Northern Ireland|United Kingdom|British;
TZ United Republic of Tanzania|Tanzania;US United States of America|United States|American;
UY Uruguay;UZ Uzbekistan|Uzbek;VU Vanuatu;VE Venezuela (Bolivarian Republic of)|Venezuela;
VN Viet Nam|Vietnam;YE Yemen|Yemeni;ZM Zambia;ZW Zimbabwe;
PS State of Palestine|Palestinian Territories|Occupied Palestinian Territory|Palestine;XK Kosovo
`;

function keyOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const entry of UN_NAMES.split(';')) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const code = trimmed.slice(0, 2);
    for (const name of trimmed.slice(3).split('|')) map.set(keyOf(name), code);
  }
  return map;
})();

/** ISO 3166-1 alpha-2 code of a country as the UN list writes it, or null when not recognised. */
export function countryCodeOfUnName(name: string): string | null {
  return BY_NAME.get(keyOf(name)) ?? null;
}
