import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CanonicalJsonError,
  canonicalize,
  canonicalizeToBytes,
  parseCanonicalJson,
} from './canonical-json.js';

function double(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

describe('canonicalize (RFC 8785)', () => {
  it('reproduces the §3.2.2 sample, byte for byte (§3.2.4)', () => {
    // Parsed from the RFC's input text so the number literals go through JSON.parse as they would on the wire.
    const input = JSON.parse(
      '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n' +
        '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}',
    );
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    assert.equal(canonicalize(input), expected);
    // §3.2.4 prints the UTF-8 of this output; check the start, the euro sign and the end.
    const hex = Buffer.from(canonicalizeToBytes(input)).toString('hex');
    assert.ok(hex.startsWith('7b226c6974657261'));
    assert.ok(hex.includes('e282ac24'));
    assert.ok(hex.endsWith('2f227d'));
  });

  it('sorts member names by UTF-16 code units (§3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Compare the text: Object.keys would list the integer-like "1" first whatever the order.
    const names = [...canonicalize(input).matchAll(/"((?:[^"\\]|\\.)*)":"[^"]*"/g)].map((m) =>
      JSON.parse(`"${m[1]}"`),
    );
    assert.deepEqual(names, ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('serialises every finite Appendix B number as ECMAScript does', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of table) assert.equal(canonicalize(double(bits)), text, bits);
  });

  it('refuses NaN and Infinity (Appendix B error rows)', () => {
    assert.throws(() => canonicalize(double('7fffffffffffffff')), CanonicalJsonError);
    assert.throws(() => canonicalize(double('7ff0000000000000')), CanonicalJsonError);
  });

  it('refuses values that are not I-JSON', () => {
    assert.throws(() => canonicalize('a\ud800b'), CanonicalJsonError);
    assert.throws(() => canonicalize({ '\udc00': 1 }), CanonicalJsonError);
    assert.throws(() => canonicalize(undefined), CanonicalJsonError);
    assert.throws(() => canonicalize([1, undefined]), CanonicalJsonError);
    assert.throws(() => canonicalize(10n), CanonicalJsonError);
    assert.throws(() => canonicalize(new Date(0)), CanonicalJsonError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.throws(() => canonicalize(cyclic), CanonicalJsonError);
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    assert.throws(() => canonicalize(deep), CanonicalJsonError);
  });

  it('omits undefined members and keeps a repeated (non-cyclic) reference', () => {
    const shared = { a: 1 };
    assert.equal(canonicalize({ b: undefined, x: shared, y: shared }), '{"x":{"a":1},"y":{"a":1}}');
  });

  it('escapes controls in lowercase hex and leaves other characters as they are', () => {
    assert.equal(canonicalize('\u001f\u007f\u2028é\ud83d\ude00'), '"\\u001f\u007f\u2028é\ud83d\ude00"');
  });
});

describe('canonicalize properties', () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it('is a fixed point after one parse: canon(parse(canon(x))) = canon(x)', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalize(value);
        assert.equal(canonicalize(JSON.parse(text)), text);
        assert.deepEqual(parseCanonicalJson(text).ok, true);
      }),
      { numRuns: 500 },
    );
  });

  it('ignores member insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        assert.equal(canonicalize(reversed), canonicalize(record));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.stringify on values without objects, and on numbers exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        assert.equal(canonicalize(n), JSON.stringify(n));
        assert.equal(Number(canonicalize(n)), n === 0 ? 0 : n);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports pretty-printed or reordered JSON as non-canonical', () => {
    assert.equal(parseCanonicalJson('{"b":1,"a":2}').ok, false);
    assert.equal(parseCanonicalJson('{"a": 2}').ok, false);
    assert.equal(parseCanonicalJson('{"a":2.0}').ok, false);
    assert.equal(parseCanonicalJson('not json').ok, false);
    assert.equal(parseCanonicalJson('{"a":2}').ok, true);
  });
});
