import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemTokens, matchableRecords } from './tokens.js';

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
