import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isE164, normalisePhone, phoneSchema } from './phone.js';
import { issueKeys } from './test-util.js';

describe('normalisePhone', () => {
  it('normalises Moroccan and Pakistani national formats given the country', () => {
    assert.deepEqual(normalisePhone('06 12 34 56 78', 'MA'), {
      ok: true,
      e164: '+212612345678',
      country: 'MA',
      lineType: 'mobile',
    });
    const pk = normalisePhone('0300-1234567', 'PK');
    assert.ok(pk.ok);
    assert.equal(pk.e164, '+923001234567');
  });
  it('reads international formats, with + or the 00 prefix, without a country', () => {
    const a = normalisePhone('+92 300 1234567');
    const b = normalisePhone('00212 612 345 678');
    assert.ok(a.ok && b.ok);
    assert.equal(a.e164, '+923001234567');
    assert.equal(b.e164, '+212612345678');
  });
  it('refuses a national number without a country', () => {
    const r = normalisePhone('0612345678');
    assert.ok(!r.ok);
    assert.equal(r.code, 'phone_invalid');
  });
  it('refuses numbers that do not exist in the numbering plan', () => {
    assert.ok(!normalisePhone('+2126123').ok);
    assert.ok(!normalisePhone('012', 'MA').ok);
    assert.ok(!normalisePhone('hello', 'MA').ok);
  });
  it('refuses an unknown default country', () => {
    assert.ok(!normalisePhone('0612345678', 'XX').ok);
  });
});

describe('phoneSchema', () => {
  it('accepts E.164 numbers only', () => {
    assert.ok(isE164('+212612345678'));
    assert.ok(!isE164('+212 612345678'));
    assert.ok(!isE164('0612345678'));
  });
  it('accepts a line with messaging apps', () => {
    assert.deepEqual(
      issueKeys(phoneSchema, {
        kind: 'phone',
        id: 'ph1',
        number: '+923001234567',
        messagingApps: ['whatsapp'],
      }),
      [],
    );
  });
  it('refuses national formats and impossible numbers', () => {
    assert.deepEqual(issueKeys(phoneSchema, { kind: 'phone', id: 'ph1', number: '0612345678' }), [
      'number:phone_invalid',
    ]);
    assert.deepEqual(issueKeys(phoneSchema, { kind: 'phone', id: 'ph1', number: '+21261234' }), [
      'number:phone_invalid',
    ]);
  });
  it('refuses an IMEI of the wrong length', () => {
    assert.deepEqual(
      issueKeys(phoneSchema, { kind: 'phone', id: 'ph1', number: '+923001234567', imei: '1234' }),
      ['imei:invalid_format'],
    );
  });
});
