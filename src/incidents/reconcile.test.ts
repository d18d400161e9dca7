import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { syntheticExercise } from './dvi-synthetic.js';
import { rankCandidates, scorePair } from './reconcile.js';

function topOneRate(seed: number): { rate: number; cases: number } {
  const ex = syntheticExercise({ seed, missing: 60, bodies: 40 });
  let right = 0;
  ex.postMortem.forEach((pm, i) => {
    const ranked = rankCandidates(
      ex.anteMortem.map((am, index) => ({
        index,
        reference: am.reference,
        ...scorePair({ form: pm.form, incidentDate: ex.incidentDate }, am.form),
      })),
    );
    if (ranked[0]!.index === ex.truth[i]) right++;
  });
  return { rate: right / ex.postMortem.length, cases: ex.postMortem.length };
}

describe('reconciliation ranking', () => {
  test('the right missing person ranks first for at least 90 % of bodies (synthetic set, known truth)', () => {
    let right = 0;
    let cases = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = topOneRate(seed);
      right += r.rate * r.cases;
      cases += r.cases;
    }
    const rate = right / cases;
    console.log(
      `reconciliation top-1: ${(rate * 100).toFixed(1)} % of ${cases} bodies (60 missing, 40 bodies, 5 seeds)`,
    );
    assert.ok(rate >= 0.9, `top-1 rate ${rate}`);
  });

  test('each factor explains itself; contradictions lower the score', () => {
    const ex = syntheticExercise({ seed: 9, missing: 3, bodies: 1 });
    const pm = ex.postMortem[0]!;
    const am = ex.anteMortem[ex.truth[0]!]!;
    const right = scorePair({ form: pm.form, incidentDate: ex.incidentDate }, am.form);
    assert.ok(
      right.evidence.some((e) => e.factor === 'age' && /aged \d+ at the incident/.test(e.explanation)),
    );
    const otherSex = scorePair(
      { form: { ...pm.form, sex: 'female' }, incidentDate: ex.incidentDate },
      { ...am.form, sex: 'male' },
    );
    assert.ok(otherSex.score < right.score);
    assert.ok(otherSex.evidence.some((e) => e.factor === 'sex' && e.weight < 0));
    const seenAfter = scorePair(
      { form: pm.form, incidentDate: ex.incidentDate },
      { ...am.form, lastSeen: { place: 'Karachi', date: '2025-03-01' } },
    );
    assert.ok(seenAfter.evidence.some((e) => e.factor === 'dates' && e.weight < 0));
  });

  test('a name in Urdu script on a document found matches its Latin spelling', () => {
    const r = scorePair(
      {
        incidentDate: '2025-01-15',
        form: {
          recoveryPlace: 'x',
          recoveredAt: '2025-01-17T10:00:00.000Z',
          condition: 'complete',
          sex: 'male',
          documents: [{ kind: 'passport', names: ['محمد آصف'] }],
        },
      },
      {
        names: [{ full: 'Muhammad Asif', script: 'Latn' }],
        sex: 'male',
        collectedBy: 'x',
        collectedFrom: 'y',
      },
    );
    const name = r.evidence.find((e) => e.factor === 'name');
    assert.ok(name && name.weight > 0, JSON.stringify(r.evidence));
  });
});
