import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { financialIdentifierSchema, isWalletAddressFormat } from './financial.js';
import { checkIban, IBAN_LENGTHS, ibanMod97, isValidIban, normaliseIban } from './iban.js';
import { issueKeys } from './test-util.js';

// Examples published by the registries and banks (SWIFT IBAN registry, national banks).
const VALID = [
  'GB82WEST12345698765432',
  'DE89370400440532013000',
  'FR1420041010050500013M02606',
  'PK36SCBL0000001123456702',
  'SA0380000000608010167519',
  'MA64011519000001205000534921',
  'NO9386011117947',
  'LC55HEMM000100010012001200023015',
];

/** Build a valid IBAN for `country` from a BBAN by computing the ISO 7064 check digits. */
function makeIban(country: string, bban: string): string {
  const check = 98 - ibanMod97(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

describe('IBAN (ISO 13616)', () => {
  it('accepts registry examples, including Pakistan and Morocco', () => {
    for (const iban of VALID) assert.equal(checkIban(iban), undefined, iban);
  });
  it('normalises the paper form', () => {
    assert.equal(normaliseIban('pk36 scbl 0000 0011 2345 6702'), 'PK36SCBL0000001123456702');
    assert.ok(isValidIban(normaliseIban('GB82 WEST 1234 5698 7654 32')));
  });
  it('names the problem: format, country, length, checksum', () => {
    assert.equal(checkIban('GB82 WEST12345698765432'), 'iban_format');
    assert.equal(checkIban('US82WEST12345698765432'), 'iban_country');
    assert.equal(checkIban('GB82WEST1234569876543'), 'iban_length');
    assert.equal(checkIban('GB82WEST12345698765433'), 'iban_checksum');
  });
  it('knows the length of every registry country, all within ISO 13616 limits', () => {
    assert.equal(IBAN_LENGTHS.get('PK'), 24);
    assert.equal(IBAN_LENGTHS.get('MA'), 28);
    for (const [country, length] of IBAN_LENGTHS) assert.ok(length >= 15 && length <= 34, country);
  });
  it('property: any single-digit substitution in a valid IBAN is detected (97 is prime)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{20}$/),
        fc.integer({ min: 2, max: 23 }),
        fc.integer({ min: 1, max: 9 }),
        (bban, pos, delta) => {
          const iban = makeIban('PK', `SCBL${bban}`);
          if (!isValidIban(iban) || !/\d/.test(iban[pos]!)) return true;
          const changed = iban.slice(0, pos) + String((Number(iban[pos]) + delta) % 10) + iban.slice(pos + 1);
          return !isValidIban(changed);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('property: swapping two different adjacent digits is detected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.integer({ min: 4, max: 20 }), (bban, pos) => {
        const iban = makeIban('DE', bban);
        const a = iban[pos]!;
        const b = iban[pos + 1]!;
        if (a === b) return true;
        return !isValidIban(iban.slice(0, pos) + b + a + iban.slice(pos + 2));
      }),
      { numRuns: 300 },
    );
  });
});

describe('wallet address formats', () => {
  it('recognises the usual address shapes', () => {
    assert.ok(isWalletAddressFormat('bitcoin', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT'));
    assert.ok(isWalletAddressFormat('bitcoin', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'));
    assert.ok(isWalletAddressFormat('ethereum', '0x52908400098527886E0F7030069857D2E4169EE7'));
    assert.ok(isWalletAddressFormat('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'));
  });
  it('refuses addresses of the wrong shape', () => {
    assert.ok(!isWalletAddressFormat('bitcoin', '0BoatSLRHtKNngkdXEeobR76b53LETtpyT'));
    assert.ok(!isWalletAddressFormat('ethereum', '0x52908400098527886E0F7030069857D2E4169EE'));
    assert.ok(!isWalletAddressFormat('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6tO'));
    assert.ok(!isWalletAddressFormat('other', 'short'));
  });
});

describe('financialIdentifierSchema', () => {
  const base = { kind: 'financial', id: 'f1' };
  it('accepts each scheme', () => {
    const ok = [
      { ...base, scheme: 'iban', iban: 'PK36SCBL0000001123456702', bic: 'SCBLPKKX' },
      { ...base, scheme: 'bank_account', accountNumber: '0012-3456789', country: 'AF' },
      {
        ...base,
        scheme: 'hawala',
        agentName: 'Haji (synthetic)',
        place: 'Peshawar, Qissa Khwani',
        country: 'PK',
      },
      { ...base, scheme: 'mobile_money', provider: 'Easypaisa', phone: '+923001234567' },
      {
        ...base,
        scheme: 'crypto_wallet',
        network: 'tron',
        asset: 'USDT',
        address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      },
    ];
    for (const value of ok) assert.deepEqual(issueKeys(financialIdentifierSchema, value), [], value.scheme);
  });
  it('reports IBAN problems with their own codes', () => {
    assert.deepEqual(
      issueKeys(financialIdentifierSchema, { ...base, scheme: 'iban', iban: 'PK36SCBL0000001123456703' }),
      ['iban:iban_checksum'],
    );
    assert.deepEqual(
      issueKeys(financialIdentifierSchema, { ...base, scheme: 'iban', iban: 'PK36SCBL000000112345670' }),
      ['iban:iban_length'],
    );
  });
  it('refuses a malformed BIC and a wallet address of the wrong network', () => {
    assert.deepEqual(
      issueKeys(financialIdentifierSchema, {
        ...base,
        scheme: 'iban',
        iban: 'GB82WEST12345698765432',
        bic: 'WEST',
      }),
      ['bic:bic_format'],
    );
    assert.deepEqual(
      issueKeys(financialIdentifierSchema, {
        ...base,
        scheme: 'crypto_wallet',
        network: 'ethereum',
        address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      }),
      ['address:wallet_format'],
    );
  });
  it('refuses a hawala agent without a name and an unknown scheme', () => {
    assert.deepEqual(issueKeys(financialIdentifierSchema, { ...base, scheme: 'hawala' }), [
      'agentName:required',
    ]);
    assert.deepEqual(issueKeys(financialIdentifierSchema, { ...base, scheme: 'cash' }), [
      'scheme:invalid_value',
    ]);
  });
});
