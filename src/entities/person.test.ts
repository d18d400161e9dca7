import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPartialDate, isWrittenIn, languageTagSchema } from './common.js';
import { COUNTRY_CODES, fromAlpha3, ISO_COUNTRY_CODES, isCountryCode, toAlpha3 } from './countries.js';
import { isProtectedRole, personSchema } from './person.js';
import { issueKeys } from './test-util.js';

const person = {
  kind: 'person',
  id: 'p1',
  role: 'missing',
  names: [
    { given: 'Youssef', family: 'El Amrani', script: 'Latn', lang: 'fr' },
    { full: 'يوسف العمراني', script: 'Arab', lang: 'ar' },
  ],
  sex: 'male',
  datesOfBirth: ['1998', '1998-03-14'],
  nationalities: ['MA'],
  synthetic: true,
  provenance: { partner: 'ma-dgsn', officer: 'officer-12', at: '2025-01-20T10:00:00Z' },
};

describe('personSchema', () => {
  it('accepts a synthetic missing person named in Latin and Arabic script', () => {
    assert.deepEqual(issueKeys(personSchema, person), []);
  });
  it('accepts unidentified remains with no name at all and fills empty lists', () => {
    const parsed = personSchema.parse({ kind: 'person', id: 'body-7', role: 'deceased' });
    assert.deepEqual(parsed.names, []);
    assert.deepEqual(parsed.nationalities, []);
  });
  it('accepts an Urdu name with a patronymic in Arabic script', () => {
    const urdu = { ...person, names: [{ given: 'عمران', father: 'محمد اشرف', script: 'Arab', lang: 'ur' }] };
    assert.deepEqual(issueKeys(personSchema, urdu), []);
  });
  it('requires a role from the list', () => {
    assert.deepEqual(issueKeys(personSchema, { ...person, role: undefined }), ['role:required']);
    assert.deepEqual(issueKeys(personSchema, { ...person, role: 'smuggler' }), ['role:invalid_value']);
  });
  it('refuses a name entry with no name part', () => {
    assert.deepEqual(issueKeys(personSchema, { ...person, names: [{ script: 'Latn' }] }), [
      'names.0:name_empty',
    ]);
  });
  it('refuses a transliteration filed under Arabic script', () => {
    const wrong = { ...person, names: [{ full: 'Youssef El Amrani', script: 'Arab' }] };
    assert.deepEqual(issueKeys(personSchema, wrong), ['names.0.full:name_script_mismatch']);
  });
  it('refuses an unknown script code', () => {
    assert.deepEqual(issueKeys(personSchema, { ...person, names: [{ full: 'X', script: 'Klingon' }] }), [
      'names.0.script:invalid_value',
    ]);
  });
  it('refuses impossible or badly written dates of birth', () => {
    const dates = ['2023-02-29', '1990-13', '1990-1-5', '90', '1990-04-31'];
    assert.deepEqual(
      issueKeys(personSchema, { ...person, datesOfBirth: dates }),
      dates.map((_, i) => `datesOfBirth.${i}:date_invalid`),
    );
  });
  it('refuses unknown and lower-case nationalities, and duplicates', () => {
    assert.deepEqual(issueKeys(personSchema, { ...person, nationalities: ['ZZ', 'ma', 'PK', 'PK'] }), [
      'nationalities.0:country_unknown',
      'nationalities.1:country_unknown',
      'nationalities.3:duplicate',
    ]);
  });
  it('refuses a stateless person with a nationality', () => {
    assert.deepEqual(issueKeys(personSchema, { ...person, stateless: true }), ['stateless:invalid']);
  });
  it('refuses fields it does not know, so no personal data slips past review', () => {
    assert.deepEqual(issueKeys(personSchema, { ...person, religion: 'x' }), ['religion:unrecognized_key']);
  });
  it('refuses a bad language tag on a name', () => {
    assert.deepEqual(
      issueKeys(personSchema, { ...person, names: [{ full: 'Ali', script: 'Latn', lang: 'en_GB!' }] }),
      ['names.0.lang:language_tag_invalid'],
    );
  });
});

describe('isProtectedRole', () => {
  it('protects victims, survivors, the missing and the deceased, not suspects or witnesses', () => {
    assert.deepEqual(
      (['victim', 'survivor', 'missing', 'deceased', 'suspect', 'witness', 'relative', 'other'] as const).map(
        isProtectedRole,
      ),
      [true, true, true, true, false, false, false, false],
    );
  });
});

describe('dates, scripts and language tags', () => {
  it('accepts leap days only in leap years (Gregorian rules)', () => {
    assert.equal(isPartialDate('2024-02-29'), true);
    assert.equal(isPartialDate('2000-02-29'), true);
    assert.equal(isPartialDate('1900-02-29'), false);
  });
  it('ignores spaces, hyphens and marks when checking a script', () => {
    assert.equal(isWrittenIn('عبدُ اللطيف', 'Arab'), true);
    assert.equal(isWrittenIn('Abd al-Latif', 'Latn'), true);
    assert.equal(isWrittenIn('Abd اللطيف', 'Latn'), false);
    assert.equal(isWrittenIn('ⵎⵓⵃⵎⵎⴷ', 'Tfng'), true);
  });
  it('accepts BCP 47 tags and refuses others', () => {
    for (const tag of ['fr', 'en', 'ar', 'ur', 'ar-MA', 'ur-Arab-PK'])
      assert.ok(languageTagSchema.safeParse(tag).success);
    for (const tag of ['', 'français', 'e', 'en_GB!'])
      assert.ok(!languageTagSchema.safeParse(tag).success, tag);
  });
});

describe('country codes', () => {
  it('lists the 249 ISO 3166-1 codes, plus XK', () => {
    assert.equal(ISO_COUNTRY_CODES.length, 249);
    assert.equal(COUNTRY_CODES.length, 250);
    assert.ok(isCountryCode('MA') && isCountryCode('PK') && isCountryCode('XK'));
    assert.ok(!isCountryCode('UK') && !isCountryCode('EU'));
  });
  it('every alpha-2 code is known to Unicode CLDR region names', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    assert.deepEqual(
      ISO_COUNTRY_CODES.filter((c) => names.of(c) === c),
      [],
    );
  });
  it('maps alpha-2 to alpha-3 and back, including ICAO-only codes', () => {
    assert.equal(toAlpha3('MA'), 'MAR');
    assert.equal(toAlpha3('PK'), 'PAK');
    assert.equal(fromAlpha3('PAK'), 'PK');
    assert.equal(fromAlpha3('D<<'), 'DE');
    assert.equal(fromAlpha3('GBD'), 'GB');
    assert.equal(fromAlpha3('RKS'), 'XK');
    assert.equal(fromAlpha3('XXA'), undefined);
    assert.equal(new Set(ISO_COUNTRY_CODES.map(toAlpha3)).size, 249);
  });
});
