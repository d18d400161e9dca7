import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNameIndex, yearFactor } from './index.js';

// Synthetic persons only.
const records = [
  { id: 'p1', name: 'Muhammad Taher Anwari', yearOfBirth: 1961 },
  { id: 'p2', name: 'Mahmoud Taher Anwari', yearOfBirth: 1961 },
  { id: 'p3', name: 'Abdellatif Choudhry', yearOfBirth: 1980 },
  { id: 'p4', name: 'Hussain Qureshi', yearOfBirth: 1975 },
  { id: 'p5', name: 'Hassan Qureshi', yearOfBirth: 1975 },
  { id: 'p6', name: 'Muhammad Taher Anwari', yearOfBirth: 1990 },
  { id: 'p7', name: 'Fatima Zahra Bennani' },
];

describe('NameIndex', () => {
  const index = buildNameIndex(records);
  it('finds a person from a variant spelling, best first', () => {
    const hits = index.search('Mohammad Tahir Anwari', { yearOfBirth: 1961 });
    assert.equal(hits[0]!.id, 'p1');
    assert.ok(hits[0]!.score > hits.find((h) => h.id === 'p2')!.score);
  });
  it('finds a person from Arabic script', () => {
    assert.equal(index.search('عبد اللطيف چودھری')[0]!.id, 'p3');
  });
  it('uses the year of birth to rank namesakes', () => {
    assert.equal(index.search('Muhammad Taher Anwari', { yearOfBirth: 1990 })[0]!.id, 'p6');
  });
  it('returns at most k hits with scores in [0, 1]', () => {
    const hits = index.search('Qureshi', { k: 1 });
    assert.equal(hits.length, 1);
    assert.ok(hits[0]!.score >= 0 && hits[0]!.score <= 1);
  });
  it('returns nothing for a name sharing no key', () => {
    assert.deepEqual(index.search('Xavier Lopez'), []);
  });
  it('counts records and interns repeated tokens', () => {
    assert.equal(index.size, 7);
    assert.ok(index.distinctTokens < 7 * 3);
  });
  it('weighs year-of-birth distance', () => {
    assert.equal(yearFactor(1961, 1961), 1);
    assert.ok(yearFactor(1961, 1962) > yearFactor(1961, 1964));
    assert.equal(yearFactor(undefined, 1961), 1);
  });
});
