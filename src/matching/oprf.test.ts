import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHitRef, MatchFilter, parseHitRef, writeEntry } from './filter.js';
import {
  blind,
  blindEvaluate,
  evaluateDirect,
  expandMessageXmd,
  generateOprfKey,
  hashToGroup,
  InvalidElementError,
  isValidElement,
  unblindFinalize,
} from './oprf.js';
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
  const { blindWith, scalarFromBytes } = await import('./oprf.js');
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
