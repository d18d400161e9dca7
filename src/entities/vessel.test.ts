import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countryOfMid, describeMmsi } from './mmsi.js';
import { issueKeys } from './test-util.js';
import { isValidImoNumber, normaliseImoNumber, vesselSchema } from './vessel.js';

const WEIGHTS = [7, 6, 5, 4, 3, 2];
const withCheckDigit = (six: string) =>
  six + String([...six].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i]!, 0) % 10);

describe('IMO numbers (IMO Resolution A.1117(30))', () => {
  it('accepts the worked example 9074729 and other real numbers', () => {
    for (const imo of ['9074729', '9176187', '8814275']) assert.ok(isValidImoNumber(imo), imo);
  });
  it('refuses a wrong check digit and wrong lengths', () => {
    for (const imo of ['9074728', '907472', '90747290', 'IMO9074729']) assert.ok(!isValidImoNumber(imo), imo);
  });
  it('normalises the IMO prefix away', () => {
    assert.equal(normaliseImoNumber(' IMO 9074729 '), '9074729');
    assert.equal(normaliseImoNumber('imo:9074729'), '9074729');
  });
  it('property: every number built with the scheme is valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), (six) => isValidImoNumber(withCheckDigit(six))),
      { numRuns: 300 },
    );
  });
  it('property: any change of the check digit, or of a digit weighted 7 or 3, is detected', () => {
    // Weights 7 and 3 are coprime with 10, so every change under them moves the sum's last digit.
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom(0, 4, 6),
        fc.integer({ min: 1, max: 9 }),
        (six, pos, delta) => {
          const imo = withCheckDigit(six);
          const changed = imo.slice(0, pos) + String((Number(imo[pos]) + delta) % 10) + imo.slice(pos + 1);
          return !isValidImoNumber(changed);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('misses some changes under even weights or weight 5, a limit of the IMO scheme', () => {
    // 9074729 → 9574729: +5 under weight 6 adds 30 to the sum, same last digit.
    assert.ok(isValidImoNumber('9574729'));
  });
});

describe('MMSI (ITU-R M.585-9)', () => {
  it('reads ship stations and their flag administration', () => {
    assert.deepEqual(describeMmsi('242123456'), { kind: 'ship', mid: '242', country: 'MA' });
    assert.deepEqual(describeMmsi('463012345'), { kind: 'ship', mid: '463', country: 'PK' });
    assert.deepEqual(describeMmsi('538006789'), { kind: 'ship', mid: '538', country: 'MH' });
  });
  it('recognises the other station kinds by their leading digits', () => {
    assert.equal(describeMmsi('002421234')?.kind, 'coast');
    assert.equal(describeMmsi('024212345')?.kind, 'group');
    assert.equal(describeMmsi('111242123')?.kind, 'sar_aircraft');
    assert.equal(describeMmsi('992421234')?.kind, 'aid_to_navigation');
    assert.equal(describeMmsi('982421234')?.kind, 'craft_associated');
    assert.equal(describeMmsi('824212345')?.kind, 'handheld');
    assert.equal(describeMmsi('970123456')?.kind, 'sart');
    assert.equal(describeMmsi('972123456')?.kind, 'mob');
    assert.equal(describeMmsi('974123456')?.kind, 'epirb_ais');
    assert.equal(describeMmsi('002421234')?.country, 'MA');
  });
  it('refuses anything that is not nine digits', () => {
    for (const m of ['24212345', '2421234567', '24212345A', '']) assert.equal(describeMmsi(m), undefined);
  });
  it('knows which MIDs are unallocated', () => {
    assert.equal(countryOfMid('217'), undefined);
    assert.equal(countryOfMid('242'), 'MA');
  });
});

const vessel = {
  kind: 'vessel',
  id: 'v1',
  name: 'Synthetic Star',
  flag: 'MA',
  imo: '9074729',
  mmsi: '242123456',
  callSign: 'CNA1234',
  vesselType: 'fishing',
};

describe('vesselSchema', () => {
  it('accepts a fully identified vessel', () => {
    assert.deepEqual(issueKeys(vesselSchema, vessel), []);
  });
  it('accepts an unnamed inflatable known only by its description', () => {
    assert.deepEqual(
      issueKeys(vesselSchema, {
        kind: 'vessel',
        id: 'v2',
        vesselType: 'inflatable',
        description: 'grey, 9 m',
      }),
      [],
    );
  });
  it('requires at least one identifier', () => {
    assert.deepEqual(issueKeys(vesselSchema, { kind: 'vessel', id: 'v3' }), [':identifier_missing']);
  });
  it('refuses a mistyped IMO number, and one with its prefix', () => {
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, imo: '9074728' }), ['imo:imo_check_digit']);
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, imo: 'IMO9074729' }), ['imo:imo_format']);
  });
  it('refuses malformed MMSIs, non-ship stations and unallocated MIDs', () => {
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, mmsi: '24212345' }), ['mmsi:mmsi_format']);
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, mmsi: '002421234' }), [
      'mmsi:mmsi_not_ship_station',
    ]);
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, mmsi: '217123456' }), [
      'mmsi:mmsi_mid_unallocated',
    ]);
  });
  it('keeps an MMSI whose MID differs from the flag (re-flagged ships)', () => {
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, flag: 'PK' }), []);
  });
  it('refuses a call sign with spaces or lower case', () => {
    assert.deepEqual(issueKeys(vesselSchema, { ...vessel, callSign: 'cn a12' }), [
      'callSign:call_sign_format',
    ]);
  });
});
