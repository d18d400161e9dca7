import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHitRef, MatchFilter, parseHitRef, writeEntry } from './filter.js';
import {
  blind,
  blindEvaluate,
  blindWith,
  evaluateDirect,
  evaluateDirectMany,
  expandMessageXmd,
  generateOprfKey,
  hashToGroup,
  InvalidElementError,
  invertScalars,
  isValidElement,
  montgomeryScalar,
  scalarFromBytes,
  unblindFinalize,
} from './oprf.js';
import { packTokens, slicePacked } from './oprf-batch.js';
import { OprfPool } from './oprf-pool.js';

const enc = new TextEncoder();

test('expand_message_xmd(SHA-512) gives the RFC 9380 K.3 test vectors', () => {
  const dst = enc.encode('QUUX-V01-CS02-with-expander-SHA512-256');
  assert.equal(
    expandMessageXmd(enc.encode(''), dst, 0x20).toString('hex'),
    '6b9a7312411d92f921c6f68ca0b6380730a1a4d982c507211a90964c394179ba',
  );
  assert.equal(
    expandMessageXmd(enc.encode('abc'), dst, 0x20).toString('hex'),
    '0da749f12fbe5483eb066a5f595055679b976e93abe9be6f0f6318bce7aca8dc',
  );
});

test('blind, evaluate, unblind equals the direct evaluation; blinding hides the input', () => {
  const key = generateOprfKey();
  for (const token of ['v1|tel|+923001234567', 'v1|pn2:MHMD+NWR:1961', '']) {
    const input = enc.encode(token);
    const b1 = blind(input);
    const b2 = blind(input);
    // Two blindings of one input look unrelated: the holder cannot link repeated queries.
    assert.notDeepEqual(b1.blindedElement, b2.blindedElement);
    assert.ok(!b1.blindedElement.equals(hashToGroup(input)));
    const out1 = unblindFinalize(input, b1.blind, blindEvaluate(key, b1.blindedElement));
    const out2 = unblindFinalize(input, b2.blind, blindEvaluate(key, b2.blindedElement));
    assert.deepEqual(out1, evaluateDirect(key, input));
    assert.deepEqual(out2, out1);
  }
});

test('the index build (X25519 ladder, y only) gives the outputs of edwards25519 and of the blind flow', () => {
  const inputs = ['v1|tel|+923001234567', 'v1|pn2:MHMD+NWR:1961', '', 'v1|doc|PK|AB1234567'].map((t) =>
    enc.encode(t),
  );
  const key = generateOprfKey();
  assert.ok(montgomeryScalar(key), 'new keys have an X25519 form');
  const many = evaluateDirectMany(key, inputs);
  inputs.forEach((x, i) => {
    assert.deepEqual(many.subarray(i * 64, (i + 1) * 64), evaluateDirect(key, x));
    const b = blind(x);
    assert.deepEqual(
      unblindFinalize(x, b.blind, blindEvaluate(key, b.blindedElement)),
      evaluateDirect(key, x),
    );
  });
  // A key without an X25519 form (keys made before this suite) is evaluated on edwards25519.
  let old = scalarFromBytes(Buffer.alloc(32, 3));
  for (let i = 4; montgomeryScalar(old); i++) old = scalarFromBytes(Buffer.alloc(32, i));
  const oldMany = evaluateDirectMany(old, inputs);
  inputs.forEach((x, i) => {
    assert.deepEqual(oldMany.subarray(i * 64, (i + 1) * 64), evaluateDirect(old, x));
  });
});

test('blinds are inverted in one batch as one by one', () => {
  // 12: the batch (one bigint inversion); the first 3 alone: libsodium's inversion each.
  const scalars = Buffer.concat(Array.from({ length: 12 }, () => generateOprfKey()));
  const inverses = invertScalars(scalars);
  assert.deepEqual(invertScalars(scalars.subarray(0, 96)), inverses.subarray(0, 96));
  const x = enc.encode('v1|iban|GB82WEST12345698765432');
  const key = generateOprfKey();
  for (let i = 0; i < 12; i++) {
    const r = scalars.subarray(i * 32, (i + 1) * 32);
    const b = blindWith(x, r);
    const z = blindEvaluate(key, b.blindedElement);
    // r^-1 · k · r · H(x) = k · H(x)
    assert.deepEqual(
      blindEvaluate(inverses.subarray(i * 32, (i + 1) * 32), z),
      blindEvaluate(key, hashToGroup(x)),
    );
  }
});

test('packed tokens slice back to the same strings', () => {
  const tokens = ['a', '', 'محمد', 'v1|tel|+212600000000', 'é'];
  const p = packTokens(tokens);
  const s = slicePacked(p, 1, 4);
  const dec = new TextDecoder();
  let start = 0;
  const back = Array.from(s.ends, (end) => {
    const t = dec.decode(s.bytes.subarray(start, end));
    start = end;
    return t;
  });
  assert.deepEqual(back, tokens.slice(1, 4));
});

test('a wrong key gives other outputs: no hit in a filter built under the right key', () => {
  const key = generateOprfKey();
  const other = generateOprfKey();
  const input = enc.encode('v1|tel|+212612345678');
  const ref = Buffer.from('0123456789', 'utf8');
  const entries = Buffer.alloc(16);
  writeEntry(entries, 0, evaluateDirect(key, input), ref);
  const filter = new MatchFilter(entries);
  const b = blind(input);
  const right = unblindFinalize(input, b.blind, blindEvaluate(key, b.blindedElement));
  const wrong = unblindFinalize(input, b.blind, blindEvaluate(other, b.blindedElement));
  assert.deepEqual(filter.lookup(right), [formatHitRef(ref)]);
  assert.deepEqual(filter.lookup(wrong), []);
});

test('the holder refuses what is not an element of the prime-order group', () => {
  const key = generateOprfKey();
  const identity = Buffer.alloc(32);
  identity[0] = 1; // (0, 1): the neutral element
  const smallOrder = Buffer.from('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', 'hex');
  const notOnCurve = Buffer.alloc(32, 0xff);
  for (const bad of [identity, smallOrder, notOnCurve, Buffer.alloc(31)]) {
    assert.equal(isValidElement(bad), false);
    assert.throws(() => blindEvaluate(key, bad), InvalidElementError);
  }
  assert.ok(isValidElement(hashToGroup(enc.encode('x'))));
});

test('a filter delta: added entries are found, removed ones are not, the rest still is', () => {
  const key = generateOprfKey();
  const outputs = Array.from({ length: 60 }, (_, i) =>
    evaluateDirect(key, enc.encode(`v1|tel|+2126000000${i}`)),
  );
  const entryOf = (i: number) => {
    const e = Buffer.alloc(16);
    writeEntry(e, 0, outputs[i]!, Buffer.from(`ref${String(i).padStart(7, '0')}`));
    return e;
  };
  const base = new MatchFilter(Buffer.concat(Array.from({ length: 40 }, (_, i) => entryOf(i))));
  const added = Buffer.concat(Array.from({ length: 20 }, (_, i) => entryOf(40 + i)));
  const removed = Buffer.concat([entryOf(3), entryOf(17)]);
  const next = base.apply(added, removed);
  assert.equal(next.size, 58);
  for (let i = 0; i < 60; i++) {
    const found = next.lookup(outputs[i]!);
    if (i === 3 || i === 17) assert.deepEqual(found, [], `entry ${i} was removed`);
    else
      assert.deepEqual(found, [formatHitRef(Buffer.from(`ref${String(i).padStart(7, '0')}`))], `entry ${i}`);
  }
  // The merged filter is the one a full build gives.
  const full = new MatchFilter(
    Buffer.concat(
      Array.from({ length: 60 }, (_, i) => i)
        .filter((i) => i !== 3 && i !== 17)
        .map(entryOf),
    ),
  );
  assert.deepEqual(next.entries, full.entries);
});

test('hit references round-trip through their printed form', () => {
  const ref = Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254, 255]);
  const text = formatHitRef(ref);
  assert.match(text, /^MX-[A-Z2-7]{16}$/);
  assert.deepEqual(parseHitRef(text), ref);
  assert.equal(parseHitRef('MX-abc'), undefined);
});

test('the worker pool gives the same outputs as the calling thread', async () => {
  const pool = new OprfPool({ size: 2, inlineBelow: 4 });
  try {
    const key = generateOprfKey();
    const tokens = Array.from({ length: 40 }, (_, i) => `v1|tel|+2126000000${String(i).padStart(2, '0')}`);
    const refs = Buffer.alloc(tokens.length * 10, 7);
    const entries = await pool.entries(key, tokens, refs);
    const { blinds, elements } = await pool.blind(tokens);
    const evaluated = await pool.evaluate(key, elements);
    const outputs = await pool.finalize(tokens, blinds, evaluated);
    const filter = new MatchFilter(entries);
    for (let i = 0; i < tokens.length; i++) {
      const out = outputs.subarray(i * 64, (i + 1) * 64);
      assert.deepEqual(out, evaluateDirect(key, enc.encode(tokens[i]!)));
      assert.deepEqual(filter.lookup(out), [formatHitRef(refs.subarray(0, 10))]);
    }
    const bad = Buffer.concat([elements, Buffer.alloc(32 * 8)]);
    await assert.rejects(pool.evaluate(key, bad), InvalidElementError);
  } finally {
    await pool.close();
  }
});

test('the protocol vectors (test/vectors/matching-v1.json) verify', async () => {
  const { readFileSync } = await import('node:fs');
  const v = JSON.parse(readFileSync(new URL('../../test/vectors/matching-v1.json', import.meta.url), 'utf8'));
  const key = Buffer.from(v.key, 'hex');
  assert.deepEqual(scalarFromBytes(key), key);
  for (const x of v.vectors) {
    const input = enc.encode(x.input);
    assert.equal(hashToGroup(input).toString('hex'), x.hashToGroup);
    const b = blindWith(input, Buffer.from(x.blind, 'hex'));
    assert.equal(b.blindedElement.toString('hex'), x.blindedElement);
    const evaluated = blindEvaluate(key, b.blindedElement);
    assert.equal(evaluated.toString('hex'), x.evaluatedElement);
    const out = unblindFinalize(input, b.blind, evaluated);
    assert.equal(out.toString('hex'), x.output);
    assert.equal(evaluateDirectMany(key, [input]).toString('hex'), x.output);
    const filter = new MatchFilter(Buffer.from(x.filterEntry, 'hex'));
    assert.deepEqual(filter.lookup(out), [x.hitRef]);
  }
  // Filter answers: with the token version, and from a holder that predates the field.
  const { filterResponseSchema } = await import('./schema.js');
  for (const a of v.filterAnswers.valid)
    assert.ok(filterResponseSchema.safeParse(a).success, JSON.stringify(a));
  for (const x of v.filterAnswers.invalid)
    assert.equal(filterResponseSchema.safeParse(x.answer).success, false, x.why);
});
