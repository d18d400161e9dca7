// Writes test/vectors/matching-v1.json: the OPRF of docs/PROTOCOL.md §12 on fixed keys, blinds
// and inputs, and the filter entry each output gives. Deterministic: rerunning gives the same file.
//
//   node --import tsx scripts/make-matching-vectors.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { formatHitRef, writeEntry } from '../src/matching/filter.js';
import {
  blindEvaluate,
  blindWith,
  evaluateDirect,
  evaluateDirectMany,
  hashToGroup,
  montgomeryScalar,
  OPRF_SUITE,
  scalarFromBytes,
  unblindFinalize,
} from '../src/matching/oprf.js';

const seed = (label: string) => createHash('sha256').update(label).digest();
// The first seeded key that has an X25519 form (as generateOprfKey draws them).
let key = scalarFromBytes(seed('passerelle matching vector key'));
for (let i = 1; !montgomeryScalar(key); i++)
  key = scalarFromBytes(seed(`passerelle matching vector key ${i}`));
const inputs = ['v1|tel|+923001234567', 'v1|doc|PK|AB1234567', 'v1|pn2:ANWR+MHMD:1961'];
const vectors = inputs.map((input, i) => {
  const bytes = new TextEncoder().encode(input);
  const b = blindWith(bytes, seed(`passerelle matching vector blind ${i}`));
  const evaluated = blindEvaluate(key, b.blindedElement);
  const output = unblindFinalize(bytes, b.blind, evaluated);
  if (!output.equals(evaluateDirect(key, bytes)) || !output.equals(evaluateDirectMany(key, [bytes])))
    throw new Error('vector does not verify');
  const ref = seed(`passerelle matching vector ref ${i}`).subarray(0, 10);
  const entry = Buffer.alloc(16);
  writeEntry(entry, 0, output, ref);
  return {
    input,
    hashToGroup: hashToGroup(bytes).toString('hex'),
    blind: b.blind.toString('hex'),
    blindedElement: b.blindedElement.toString('hex'),
    evaluatedElement: evaluated.toString('hex'),
    output: output.toString('hex'),
    hitRef: formatHitRef(ref),
    filterEntry: entry.toString('hex'),
  };
});
writeFileSync(
  new URL('../test/vectors/matching-v1.json', import.meta.url),
  `${JSON.stringify({ suite: OPRF_SUITE, key: key.toString('hex'), vectors }, null, 2)}\n`,
);
console.log('wrote test/vectors/matching-v1.json');
