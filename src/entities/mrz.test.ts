import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mrzCheckDigit, parseMrz } from './mrz.js';

const opts = { referenceYear: 2025 };

// Specimens of ICAO Doc 9303 (Utopia, Anna Maria Eriksson).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
// Doc 9303 part 5 layout for a document number longer than 9 characters (D23145890734, check
// digit 9) on the Utopia card; composite check digit computed for this zone.
const TD1_LONG = [
  'I<UTOD23145890<7349<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const MRVA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRVB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

const join = (lines: string[]) => lines.join('\n');
const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

function fieldsOfErrors(text: string): string[] {
  const r = parseMrz(text, opts);
  assert.equal(r.ok, false, 'expected the zone to be refused');
  return r.ok ? [] : r.errors.map((e) => e.field);
}

describe('mrzCheckDigit (ICAO 9303 part 3, weights 7-3-1)', () => {
  it('computes the specimen check digits', () => {
    assert.equal(mrzCheckDigit('L898902C3'), 6);
    assert.equal(mrzCheckDigit('740812'), 2);
    assert.equal(mrzCheckDigit('120415'), 9);
    assert.equal(mrzCheckDigit('ZE184226B<<<<<'), 1);
    assert.equal(mrzCheckDigit('D23145890734'), 9);
  });
  it('counts fillers as zero', () => {
    assert.equal(mrzCheckDigit('<<<<'), 0);
    assert.equal(mrzCheckDigit('1<<'), mrzCheckDigit('100'));
  });
});

describe('parseMrz: ICAO specimens', () => {
  it('reads the TD3 passport specimen', () => {
    const r = parseMrz(join(TD3), opts);
    assert.ok(r.ok);
    assert.deepEqual(r.mrz, {
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: ['ANNA', 'MARIA'],
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDateRaw: '740812',
      birthDate: '1974-08-12',
      sex: 'female',
      expiryDateRaw: '120415',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
    });
  });
  it('reads the TD1 card specimen', () => {
    const r = parseMrz(join(TD1), opts);
    assert.ok(r.ok);
    assert.equal(r.mrz.format, 'TD1');
    assert.equal(r.mrz.documentCode, 'I');
    assert.equal(r.mrz.documentNumber, 'D23145890');
    assert.equal(r.mrz.surname, 'ERIKSSON');
    assert.deepEqual(r.mrz.givenNames, ['ANNA', 'MARIA']);
    assert.equal(r.mrz.birthDate, '1974-08-12');
    assert.equal(r.mrz.optionalData2, '');
  });
  it('reads the TD2 card specimen', () => {
    const r = parseMrz(join(TD2), opts);
    assert.ok(r.ok);
    assert.equal(r.mrz.format, 'TD2');
    assert.equal(r.mrz.documentNumber, 'D23145890');
    assert.equal(r.mrz.expiryDate, '2012-04-15');
  });
  it('joins a TD1 document number that overflows into the optional data', () => {
    const r = parseMrz(join(TD1_LONG), opts);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.mrz.documentNumber, 'D23145890734');
    assert.equal(r.mrz.optionalData, '');
  });
  it('reads MRV-A and MRV-B visas, which have no composite check digit', () => {
    const a = parseMrz(join(MRVA), opts);
    const b = parseMrz(join(MRVB), opts);
    assert.ok(a.ok && b.ok);
    assert.equal(a.mrz.format, 'MRVA');
    assert.equal(b.mrz.format, 'MRVB');
    assert.equal(a.mrz.nationality, 'XXX');
    assert.equal(a.mrz.nationalityCountry, undefined);
  });
});

describe('parseMrz: corrupted zones', () => {
  it('detects a wrong document number check digit', () => {
    assert.deepEqual(fieldsOfErrors(join([TD3[0]!, replaceAt(TD3[1]!, 9, '7')])), [
      'documentNumber',
      'composite',
    ]);
  });
  it('detects a changed character in the document number', () => {
    assert.deepEqual(fieldsOfErrors(join([TD3[0]!, replaceAt(TD3[1]!, 2, '0')])), [
      'documentNumber',
      'composite',
    ]);
  });
  it('detects a wrong birth date check digit', () => {
    assert.ok(fieldsOfErrors(join([TD3[0]!, replaceAt(TD3[1]!, 19, '3')])).includes('birthDate'));
  });
  it('detects a wrong expiry date check digit', () => {
    assert.ok(fieldsOfErrors(join([TD3[0]!, replaceAt(TD3[1]!, 27, '0')])).includes('expiryDate'));
  });
  it('detects a wrong personal number check digit', () => {
    assert.ok(fieldsOfErrors(join([TD3[0]!, replaceAt(TD3[1]!, 42, '2')])).includes('optionalData'));
  });
  it('detects a wrong composite check digit alone', () => {
    assert.deepEqual(fieldsOfErrors(join([TD3[0]!, replaceAt(TD3[1]!, 43, '1')])), ['composite']);
  });
  it('detects a change in TD1 optional data through the composite check digit', () => {
    assert.deepEqual(fieldsOfErrors(join([TD1[0]!, replaceAt(TD1[1]!, 20, '5'), TD1[2]!])), ['composite']);
  });
  it('cannot see a filler replaced by A, K, U: 7-3-1 values 0, 10, 20, 30 are equal mod 10 (limit of the standard)', () => {
    assert.ok(parseMrz(join([TD1[0]!, replaceAt(TD1[1]!, 20, 'A'), TD1[2]!]), opts).ok);
  });
  it('detects a wrong TD2 birth date', () => {
    assert.ok(fieldsOfErrors(join([TD2[0]!, replaceAt(TD2[1]!, 14, '5')])).includes('birthDate'));
  });
  it('refuses wrong line lengths', () => {
    assert.deepEqual(fieldsOfErrors(join([TD3[0]!, TD3[1]!.slice(0, 43)])), ['format']);
    assert.deepEqual(fieldsOfErrors(TD3[0]!), ['format']);
  });
  it('refuses characters outside A–Z 0–9 <', () => {
    assert.deepEqual(fieldsOfErrors(join([TD3[0]!.toLowerCase(), TD3[1]!])), ['line1']);
  });
  it('refuses a TD3 that is not a passport', () => {
    assert.deepEqual(fieldsOfErrors(join([`I${TD3[0]!.slice(1)}`, TD3[1]!])), ['documentCode']);
  });
  it('refuses an impossible expiry date even with a matching check digit', () => {
    const line = replaceAt(replaceAt(TD3[1]!, 23, '1'), 24, '3'); // month 13
    const fixed = replaceAt(line, 27, String(mrzCheckDigit(line.slice(21, 27))));
    const errors = fieldsOfErrors(join([TD3[0]!, fixed]));
    assert.ok(errors.includes('expiryDate'));
  });
  it('still returns the fields it could read, for display beside the errors', () => {
    const r = parseMrz(join([TD3[0]!, replaceAt(TD3[1]!, 43, '1')]), opts);
    assert.ok(!r.ok && r.mrz?.surname === 'ERIKSSON');
  });
  it('property: any digit replaced by another digit in the TD3 lower line is detected', () => {
    const line = TD3[1]!;
    const digitPositions = [...line].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
    fc.assert(
      fc.property(fc.constantFrom(...digitPositions), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const changed = replaceAt(line, pos, String((Number(line[pos]) + delta) % 10));
        return !parseMrz(join([TD3[0]!, changed]), opts).ok;
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseMrz: input handling', () => {
  it('tolerates CRLF, spaces and blank lines from scanners', () => {
    const r = parseMrz(`\r\n ${TD3[0]}\r\n\r\n${TD3[1]!.slice(0, 20)} ${TD3[1]!.slice(20)} \r\n`, opts);
    assert.ok(r.ok);
  });
  it('splits a zone delivered as one line', () => {
    assert.ok(parseMrz(TD1.join(''), opts).ok);
    assert.ok(parseMrz(TD3.join(''), opts).ok);
  });
  it('resolves the birth century against the reference year', () => {
    const r = parseMrz(join(TD3), { referenceYear: 2070 });
    assert.ok(r.ok);
    assert.equal(r.mrz.birthDate, '1974-08-12');
    const young = replaceAt(replaceAt(TD3[1]!, 13, '1'), 14, '5'); // born 2015-08-12 if the reference year allows
    assert.equal(parseMrz(join([TD3[0]!, young]), opts).mrz?.birthDate, '2015-08-12');
    assert.equal(parseMrz(join([TD3[0]!, young]), { referenceYear: 2010 }).mrz?.birthDate, '1915-08-12');
  });
  it('keeps an unknown birth day and month as a reduced date', () => {
    let line = `${TD3[1]!.slice(0, 13)}74<<<<${TD3[1]!.slice(19)}`;
    line = replaceAt(line, 19, String(mrzCheckDigit('74<<<<')));
    line = replaceAt(
      line,
      43,
      String(mrzCheckDigit(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43))),
    );
    const r = parseMrz(join([TD3[0]!, line]), opts);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.mrz.birthDate, '1974');
  });
  it('maps ICAO state codes to ISO alpha-2, including Germany\'s "D"', () => {
    const de = `P<D<<${TD3[0]!.slice(5)}`;
    const line = `${TD3[1]!.slice(0, 10)}D<<${TD3[1]!.slice(13)}`;
    const r = parseMrz(join([de, line]), opts);
    assert.ok(r.ok);
    assert.equal(r.mrz.issuingState, 'D');
    assert.equal(r.mrz.issuingCountry, 'DE');
    assert.equal(r.mrz.nationalityCountry, 'DE');
  });
});
