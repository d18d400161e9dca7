import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readBundledData } from '../platform/index.js';
import { ListMatcher } from './matcher.js';
import { parseUnList, type UnDesignation } from './un-list.js';

let designations: UnDesignation[];
let matcher: ListMatcher;

before(() => {
  const r = parseUnList(readBundledData('un-consolidated-2024-09-26.xml'));
  assert.ok(r.ok);
  designations = r.list.designations;
  matcher = new ListMatcher(designations);
});

describe('screening against the 2024 list', () => {
  test('recall: an individual is found at rank 1 from each of its Good-quality aliases (>= 95 %)', (t) => {
    let individuals = 0;
    let found = 0;
    let queries = 0;
    let queriesFound = 0;
    for (const d of designations) {
      const good = d.kind === 'individual' ? d.aliases.filter((a) => a.quality === 'Good') : [];
      if (good.length === 0) continue;
      individuals++;
      let all = true;
      for (const a of good) {
        queries++;
        const top = matcher.screen(
          { names: [a.name] },
          { thresholds: { confident: 0.85, review: 0 }, limit: 1 },
        )[0];
        if (top?.referenceNumber === d.referenceNumber) queriesFound++;
        else all = false;
      }
      if (all) found++;
    }
    const recall = found / individuals;
    t.diagnostic(
      `recall at rank 1: ${found}/${individuals} individuals (${(100 * recall).toFixed(1)} %) found from every Good alias; ${queriesFound}/${queries} alias queries (${((100 * queriesFound) / queries).toFixed(1)} %)`,
    );
    assert.ok(recall >= 0.95, `recall ${recall}`);
  });

  test('a designated person is found from the Arabic-script name and from a Latin transliteration of it', () => {
    const arabic = matcher.screen({ names: ['حمزة أسامة محمد بن لادن'] })[0];
    assert.equal(arabic?.referenceNumber, 'QDi.421');
    assert.equal(arabic?.level, 'confident');
    const latin = matcher.screen({ names: ['Hamza Osama Mohammed Bin Ladin'], birthDate: '1989' })[0];
    assert.equal(latin?.referenceNumber, 'QDi.421');
    assert.equal(latin?.level, 'confident');
    assert.equal(latin?.birth.status, 'agree');
  });

  test('birth year, nationality and document are reported as agreeing or conflicting', () => {
    const agree = matcher.screen({
      names: ['Muhammad Tahir Anwari'],
      birthDate: '1961',
      nationalities: ['AF'],
    })[0];
    assert.equal(agree?.referenceNumber, 'TAi.005');
    assert.equal(agree?.matchedSource, 'alias');
    assert.equal(agree?.matchedQuality, 'Good');
    assert.equal(agree?.birth.status, 'agree');
    assert.equal(agree?.nationality.status, 'agree');
    const conflict = matcher.screen(
      { names: ['Muhammad Tahir Anwari'], birthDate: '1995', nationalities: ['NO'] },
      { thresholds: { confident: 0.85, review: 0.3 } },
    )[0];
    assert.equal(conflict?.referenceNumber, 'TAi.005');
    assert.equal(conflict?.birth.status, 'conflict');
    assert.equal(conflict?.nationality.status, 'conflict');
    assert.ok(conflict.score < agree.score);
    assert.equal(conflict.level, 'review');
    const withPassport = designations.find(
      (d) => d.kind === 'individual' && d.documents.some((x) => x.type === 'Passport' && x.number),
    )!;
    const number = withPassport.documents.find((x) => x.type === 'Passport' && x.number)!.number!;
    const byDoc = matcher.screen({ names: [withPassport.name], documents: [number.toLowerCase()] })[0];
    assert.equal(byDoc?.referenceNumber, withPassport.referenceNumber);
    assert.equal(byDoc?.document.status, 'agree');
  });

  test('1,000 synthetic common names with conflicting birth years and nationality give no confident hit', () => {
    const given = [
      'Muhammad',
      'Ahmed',
      'Ali',
      'Hassan',
      'Hussain',
      'Omar',
      'Abdullah',
      'Ibrahim',
      'Khalid',
      'Yusuf',
    ];
    const middle = [
      '',
      'Abdul Rahman',
      'Mahmoud',
      'Salim',
      'Karim',
      'Tariq',
      'Imran',
      'Bilal',
      'Faisal',
      'Nasir',
    ];
    const family = [
      'Khan',
      'Ali',
      'Hussain',
      'Ahmed',
      'Shah',
      'Malik',
      'Qureshi',
      'Rahman',
      'Saleh',
      'Mahmoud',
    ];
    let queries = 0;
    const confident: string[] = [];
    for (const g of given) {
      for (const m of middle) {
        for (const f of family) {
          queries++;
          // Born 2004–2008: too young to be on the list (latest designations' birth years are earlier).
          const name = [g, m, f].filter(Boolean).join(' ');
          const hits = matcher.screen({
            names: [name],
            birthDate: String(2004 + (queries % 5)),
            nationalities: ['BR'],
          });
          for (const h of hits)
            if (h.level === 'confident') confident.push(`${name} → ${h.referenceNumber} ${h.score}`);
        }
      }
    }
    assert.equal(queries, 1000);
    assert.deepEqual(confident, []);
  });
});
