// Pins the figures of `npm run eval:neutrality` (bench/eval-neutrality.ts) on the labelled,
// synthetic set in test/fixtures/neutrality-set.json: a rule change that flags an ordinary request
// or loses a request that must be flagged fails here. docs/NEUTRALITY.md reports the figures.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateNeutrality, loadNeutralitySet, type Score } from '../../bench/eval-neutrality.js';

const samples = loadNeutralitySet();
const evaluation = evaluateNeutrality(samples);

// The figures reached (docs/NEUTRALITY.md). Raise them when the rules improve; never lower them
// to make a change pass.
const PINNED = { precision: 1, recall: 1 };
// Per category, a request may carry a second category's flag: the atheist blogger (fresh2 *-g08)
// is flagged religious and also political (a blogger), which counts against political precision.
const PINNED_CATEGORY_PRECISION: Readonly<Record<string, number>> = {
  political: 0.9,
  military: 1,
  religious: 1,
  racial: 1,
};

function assertAtLeast(name: string, score: Score | undefined, precision = PINNED.precision): void {
  assert.ok(score, `no figures for ${name}`);
  assert.ok(score.precision >= precision, `${name}: precision ${score.precision} < ${precision}`);
  assert.ok(score.recall >= PINNED.recall, `${name}: recall ${score.recall} < ${PINNED.recall}`);
}

describe('neutrality evaluation set', () => {
  it('has at least 200 synthetic requests, 50 per language, in a tune and a holdout half', () => {
    assert.ok(samples.length >= 200, `${samples.length} samples`);
    for (const language of ['fr', 'en', 'ar', 'ur'] as const) {
      const own = samples.filter((s) => s.language === language);
      assert.ok(own.length >= 50, `${language}: ${own.length}`);
      for (const category of ['political', 'military', 'religious', 'racial'] as const) {
        assert.ok(
          own.some((s) => s.expected && s.category === category),
          `${language}/${category}`,
        );
      }
      for (const kind of ['smuggling', 'trafficking', 'terrorism', 'identification', 'document-fraud']) {
        assert.ok(
          own.some((s) => !s.expected && s.kind === kind),
          `${language}/${kind}`,
        );
      }
    }
    assert.ok(samples.filter((s) => s.split === 'tune').length >= 100);
    assert.ok(samples.filter((s) => s.split === 'holdout').length >= 100);
    assert.equal(new Set(samples.map((s) => s.id)).size, samples.length, 'ids are unique');
  });

  it('flags no ordinary request (smuggling, trafficking, terrorism, identification, fraud, organised crime)', () => {
    const wronglyFlagged = evaluation.outcomes.filter((o) => !o.sample.expected && o.flagged);
    assert.deepEqual(
      wronglyFlagged.map((o) => `${o.sample.id}: ${o.rules.join(', ')}`),
      [],
    );
  });

  it('keeps the pinned precision and recall overall, per half, per language and per category', () => {
    assertAtLeast('overall', evaluation.overall);
    for (const split of ['tune', 'holdout', 'fresh', 'fresh2'])
      assertAtLeast(split, evaluation.bySplit[split]);
    for (const language of ['fr', 'en', 'ar', 'ur']) assertAtLeast(language, evaluation.byLanguage[language]);
    for (const category of ['political', 'military', 'religious', 'racial']) {
      assertAtLeast(category, evaluation.byCategory[category], PINNED_CATEGORY_PRECISION[category]);
    }
  });

  it('every flag of a request that should be flagged names a rule of the expected category', () => {
    for (const o of evaluation.outcomes) {
      if (!o.sample.expected) continue;
      assert.ok(o.categories.includes(o.sample.category!), `${o.sample.id}: got ${o.rules.join(', ')}`);
    }
  });
});
