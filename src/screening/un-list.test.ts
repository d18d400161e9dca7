import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBundledData } from '../platform/index.js';
import { parseUnList, type UnList } from './un-list.js';

function load(name: string): { xml: string; list: UnList } {
  const xml = readBundledData(name).toString('utf8');
  const r = parseUnList(xml);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return { xml, list: r.list };
}

const arabic = /\p{Script=Arabic}/u;

function counts(list: UnList) {
  const individuals = list.designations.filter((d) => d.kind === 'individual');
  return {
    individuals: individuals.length,
    entities: list.designations.length - individuals.length,
    aliases: list.designations.reduce((s, d) => s + d.aliases.length, 0),
    goodAliases: individuals.reduce((s, d) => s + d.aliases.filter((a) => a.quality === 'Good').length, 0),
    arabicScriptNames: list.designations.filter(
      (d) => d.originalScriptName && arabic.test(d.originalScriptName),
    ).length,
  };
}

describe('UN Consolidated List parser', () => {
  test('the 2024-09-26 list: 682 individuals, 193 entities, their aliases and Arabic-script names', () => {
    const { xml, list } = load('un-consolidated-2024-09-26.xml');
    assert.equal(list.generatedAt, '2024-09-26T00:00:07.514Z');
    assert.deepEqual(counts(list), {
      individuals: 682,
      entities: 193,
      aliases: 2719,
      goodAliases: 1515,
      arabicScriptNames: 368,
    });
    // Cross-check against the raw text: every non-empty ALIAS_NAME element became an alias.
    assert.equal((xml.match(/<ALIAS_NAME>[^<]+<\/ALIAS_NAME>/g) ?? []).length, 2719);
    const hamza = list.designations.find((d) => d.referenceNumber === 'QDi.421');
    assert.ok(hamza);
    assert.equal(hamza.name, 'HAMZA USAMA MUHAMMAD BIN LADEN');
    assert.deepEqual(hamza.nameParts, ['HAMZA', 'USAMA', 'MUHAMMAD', 'BIN LADEN']);
    assert.equal(hamza.originalScriptName, 'حمزة أسامة محمد بن لادن');
    assert.equal(hamza.regime, 'Al-Qaida');
    assert.equal(hamza.listedOn, '2019-02-28');
    assert.deepEqual(hamza.datesOfBirth, [{ type: 'EXACT', date: '1989-05-09' }]);
    assert.deepEqual(hamza.placesOfBirth, [{ city: 'Jeddah', country: 'Saudi Arabia' }]);
    const anwari = list.designations.find((d) => d.referenceNumber === 'TAi.005');
    assert.ok(anwari);
    assert.deepEqual(anwari.nationalities, [{ name: 'Afghanistan', code: 'AF' }]);
    assert.deepEqual(anwari.datesOfBirth, [{ type: 'APPROXIMATELY', year: 1961 }]);
    assert.deepEqual(anwari.titles, ['Mullah']);
    assert.deepEqual(
      anwari.aliases.map((a) => `${a.quality}:${a.name}`),
      [
        'Good:Mohammad Taher Anwari',
        'Good:Muhammad Tahir Anwari',
        'Good:Mohammad Tahre Anwari',
        'Low:Haji Mudir',
      ],
    );
    const withPassport = list.designations.filter((d) =>
      d.documents.some((x) => x.type === 'Passport' && x.number),
    );
    assert.ok(withPassport.length > 100, `${withPassport.length} individuals with a passport number`);
    const entity = list.designations.find((d) => d.referenceNumber === 'QDe.069');
    assert.equal(entity?.kind, 'entity');
    assert.equal(entity?.name, 'AFGHAN SUPPORT COMMITTEE (ASC)');
    assert.ok(entity?.aliases.every((a) => a.quality === 'a.k.a.' || a.quality === 'f.k.a.'));
  });

  test('the 2020-11-24 list: 713 individuals, 305 entities', () => {
    const { list } = load('un-consolidated-2020-11-24.xml');
    assert.deepEqual(counts(list), {
      individuals: 713,
      entities: 305,
      aliases: 2678,
      goodAliases: 1496,
      arabicScriptNames: 393,
    });
  });

  test('a truncated file is refused with the place of the fault', () => {
    const xml = readBundledData('un-consolidated-2024-09-26.xml').toString('utf8');
    const r = parseUnList(xml.slice(0, Math.floor(xml.length / 2)));
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /Not well-formed XML at line \d+/);
  });

  test('malformed and foreign documents are refused with the reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      [
        '<CONSOLIDATED_LIST dateGenerated="2024-01-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL></CONSOLIDATED_LIST>',
        /Not well-formed/,
      ],
      ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST/>', /DOCTYPE/],
      ['<OTHER_LIST dateGenerated="2024-01-01T00:00:00Z"/>', /root element/],
      ['<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>', /dateGenerated/],
      [
        '<CONSOLIDATED_LIST dateGenerated="2024-01-01T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>',
        /no designation/,
      ],
      [
        '<CONSOLIDATED_LIST dateGenerated="2024-01-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>',
        /without REFERENCE_NUMBER/,
      ],
      [
        '<CONSOLIDATED_LIST dateGenerated="2024-01-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL><INDIVIDUAL><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER><FIRST_NAME>B</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>',
        /listed twice/,
      ],
    ];
    for (const [xml, reason] of cases) {
      const r = parseUnList(xml);
      assert.equal(r.ok, false, xml);
      assert.match(r.ok ? '' : r.reason, reason);
    }
  });
});
