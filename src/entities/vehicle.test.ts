import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { issueKeys } from './test-util.js';
import { hasValidVinCheckDigit, vehicleSchema, vinCheckCharacter } from './vehicle.js';

const VIN = '1M8GDM9AXKP042788'; // North American VIN with check digit X

describe('VIN check digit (ISO 3779 structure, 49 CFR 565.15 check digit)', () => {
  it('computes the check character, including X for 10', () => {
    assert.equal(vinCheckCharacter(VIN), 'X');
    assert.equal(vinCheckCharacter('11111111111111111'), '1');
    assert.ok(hasValidVinCheckDigit(VIN));
  });
  it('refuses I, O and Q, which ISO 3779 excludes', () => {
    assert.equal(vinCheckCharacter('1M8GDM9AXKP04278O'), undefined);
  });
  it('property: replacing any digit (outside position 9) by another digit is detected', () => {
    const positions = [...VIN].flatMap((ch, i) => (/\d/.test(ch) && i !== 8 ? [i] : []));
    fc.assert(
      fc.property(fc.constantFrom(...positions), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const changed = VIN.slice(0, pos) + String((Number(VIN[pos]) + delta) % 10) + VIN.slice(pos + 1);
        return !hasValidVinCheckDigit(changed);
      }),
      { numRuns: 200 },
    );
  });
});

const car = { kind: 'vehicle', id: 'c1', plate: '12345-أ-6', country: 'MA', vin: VIN, vehicleType: 'van' };

describe('vehicleSchema', () => {
  it('accepts a Moroccan plate with an Arabic letter', () => {
    assert.deepEqual(issueKeys(vehicleSchema, car), []);
  });
  it('refuses a North American VIN with a wrong check digit', () => {
    assert.deepEqual(issueKeys(vehicleSchema, { ...car, vin: '1M8GDM9A1KP042788' }), ['vin:vin_check_digit']);
  });
  it('accepts a European VIN whose 9th character is not a check digit', () => {
    assert.deepEqual(issueKeys(vehicleSchema, { ...car, vin: 'WVWZZZ1JZXW000001' }), []);
  });
  it('refuses letters excluded by ISO 3779 and impossible lengths', () => {
    assert.deepEqual(issueKeys(vehicleSchema, { ...car, vin: 'WVWZZZ1JZXW00000O' }), ['vin:vin_format']);
    assert.deepEqual(issueKeys(vehicleSchema, { ...car, vin: 'ABC' }), ['vin:vin_format']);
  });
  it('accepts a short pre-1981 serial', () => {
    assert.deepEqual(issueKeys(vehicleSchema, { ...car, vin: '118470M567' }), []);
  });
  it('refuses punctuation in a plate and requires some identifier', () => {
    assert.deepEqual(issueKeys(vehicleSchema, { ...car, plate: 'AB*12' }), ['plate:plate_format']);
    assert.deepEqual(issueKeys(vehicleSchema, { kind: 'vehicle', id: 'c2', make: 'Toyota' }), [
      ':identifier_missing',
    ]);
  });
});
