import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemTokens, matchableRecords, TOKEN_VERSION } from './tokens.js';

// Synthetic entities only.
const victim = {
  kind: 'person',
  id: 'v1',
  role: 'victim',
  names: [{ full: 'Bilal Hussain', script: 'Latn' }],
};
const recruiter = {
  kind: 'person',
  id: 's1',
  role: 'suspect',
  names: [{ full: 'Tariq Mehmood', script: 'Latn' }],
};
const victimPhone = { kind: 'phone', id: 'ph1', number: '+923004445566' };
const recruiterPhone = { kind: 'phone', id: 'ph2', number: '+923001112233' };
const victimPassport = {
  kind: 'identity_document',
  id: 'd1',
  documentType: 'passport',
  number: 'AB1234567',
  issuingCountry: 'PK',
  holderRef: 'v1',
};
const rel = (id: string, type: string, from: string, to: string) => ({
  kind: 'relationship',
  id,
  type,
  from: { ref: from },
  to: { ref: to },
});

test('victims and what they own, use or hold never become matchable records; their recruiter does', () => {
  const records = matchableRecords([
    victim,
    recruiter,
    victimPhone,
    recruiterPhone,
    victimPassport,
    rel('r1', 'uses', 'v1', 'ph1'),
    rel('r2', 'uses', 's1', 'ph2'),
    rel('r3', 'recruiter', 's1', 'v1'),
  ]);
  assert.deepEqual(records.map((r) => r.entityId).sort(), ['ph2', 's1']);
  for (const role of ['survivor', 'missing', 'deceased']) {
    assert.deepEqual(matchableRecords([{ ...victim, role }]), []);
  }
});

test('exact tokens meet across formats; person tokens meet across spellings and scripts', () => {
  const [phone] = matchableRecords([recruiterPhone]);
  assert.deepEqual(itemTokens({ kind: 'phone', number: '0300 1112233', country: 'PK' }), phone!.tokens);
  const doc = matchableRecords([{ ...victimPassport, holderRef: undefined, id: 'd2' }])[0]!;
  assert.deepEqual(itemTokens({ kind: 'passport', number: 'ab-1234567', issuingCountry: 'PK' }), doc.tokens);
  const person = matchableRecords([{ ...recruiter, datesOfBirth: ['1975-03-02'] }])[0]!;
  const meets = (names: string[], birthYear?: number) =>
    itemTokens({ kind: 'person', names, ...(birthYear ? { birthYear } : {}) }).some((t) =>
      person.tokens.includes(t),
    );
  assert.ok(meets(['Tariq Mahmood'], 1975));
  assert.ok(meets(['طارق محمود'], 1976));
  assert.ok(meets(['Tariq Mehmood']));
  assert.ok(!meets(['Tariq Mehmood'], 1990));
  assert.ok(!meets(['Imran Qureshi'], 1975));
});

// Synthetic names. Each pair below missed under the v1 tokens (or, for the negatives, hit).
const holderRecord = (name: string, birthYear?: number) =>
  matchableRecords([
    {
      kind: 'person',
      id: 'p1',
      role: 'suspect',
      names: [{ full: name }],
      ...(birthYear ? { datesOfBirth: [String(birthYear)] } : {}),
    },
  ])[0]!;
const hits = (held: string, asked: string, heldYear?: number, askedYear?: number) => {
  const record = holderRecord(held, heldYear);
  return itemTokens({ kind: 'person', names: [asked], ...(askedYear ? { birthYear: askedYear } : {}) }).some(
    (t) => record.tokens.includes(t),
  );
};

test('person tokens meet through transliteration variants, in both directions', () => {
  const variants: Array<[string, string, string]> = [
    ['Karim Achwan', 'كريم أخوان', 'ch written for خ'],
    ['Zakir Rafi', 'ذاكر رفيع', 'z written for ذ'],
    ['ذاكر رفيع', 'Zakir Rafi', 'ذ read as z'],
    ['سارة آغازاده', 'Sara Aghazadeh', 'a final h'],
    ['إيفان آرتشيبنكو', 'Ivan Archipenko', 'تش for ch'],
    ['ألبان كوري', 'Alban Kouri', 'أل read as the article'],
    ['Rafiq Butt Mohammed', 'Butt, Mohammed Rafiq', 'name order'],
    ['Tariq Aziz Mehmood', 'طارق محمود', 'a part left out, other script'],
    ['Abd al-Rahman Qureshi', 'Abdurrahman Kureshi', 'particle and q/k'],
  ];
  for (const [held, asked, why] of variants) {
    assert.ok(hits(held, asked), `${why}: ${held} / ${asked}`);
    assert.ok(hits(held, asked, 1980, 1981), `${why}, year off by one: ${held} / ${asked}`);
    assert.ok(!hits(held, asked, 1980, 1990), `${why}, another year: ${held} / ${asked}`);
  }
});

test('a Latin spelling meets the Arabic-script record of the same name through the readings Arabic writes differently', () => {
  const variants: Array<[string, string, string]> = [
    ['فولفغانغ كراوس', 'Wolfgang Kraus', 'German w written ف'],
    ['برامس كارل', 'Karl Brahms', 'an h not sounded'],
    ['كارلفلت إريك', 'Erik Karlfeldt', 'German final dt'],
    ['العرفاوي سامي', 'Sami Larfaoui', 'the article glued as l-'],
    ['أرنو جان', 'Jean Arnaud', 'French silent final letters'],
    ['Anafi Karim', 'Hanafi Karim', 'an initial h written or not'],
  ];
  for (const [held, asked, why] of variants) {
    assert.ok(hits(held, asked), `${why}: ${held} / ${asked}`);
    assert.ok(!hits(held, asked, 1980, 1990), `${why}, another year: ${held} / ${asked}`);
  }
});

test('different persons sharing only common names, or one name, do not meet', () => {
  const others: Array<[string, string]> = [
    ['Muhammad Ahmad Tariq', 'Muhammad Ahmad Qureshi'],
    ['Mohammed Ali Butt', 'Mohammed Ali Rafiq'],
    ['Tariq Mehmood', 'Tahir Mahmood'],
    ['Karim Achwan', 'Karim Qureshi'],
  ];
  for (const [held, asked] of others) assert.ok(!hits(held, asked), `${held} / ${asked}`);
});

test('every token carries the token version, so an index of older tokens never meets them', () => {
  const record = holderRecord('Tariq Mehmood', 1975);
  assert.ok(record.tokens.length > 0);
  for (const t of [...record.tokens, ...itemTokens({ kind: 'person', names: ['Tariq Mehmood'] })])
    assert.ok(t.startsWith(`${TOKEN_VERSION}|`), t);
});
