// Writes test/vectors/matching-answer-v1.json: the holder's signed answer of PROTOCOL §12.2 over
// the elements of test/vectors/matching-v1.json, with a fixed test signing key. Ed25519 is
// deterministic, so rerunning gives the same file.
//
//   node --import tsx scripts/make-matching-answer-vector.ts
import { createHash, createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { hashElements, type MatchingAnswer, signMatchingAnswer } from '../src/matching/answer-signature.js';
import { ed25519PublicJwk } from '../src/platform/index.js';

const seed = createHash('sha256').update('passerelle matching answer vector signing key').digest();
// PKCS #8 wrapping of a raw Ed25519 private key (RFC 8410 §7).
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
  format: 'der',
  type: 'pkcs8',
});
const publicJwk = ed25519PublicJwk(privateKey);
const oprf = JSON.parse(
  readFileSync(new URL('../test/vectors/matching-v1.json', import.meta.url), 'utf8'),
) as {
  suite: string;
  vectors: Array<{ blindedElement: string; evaluatedElement: string }>;
};
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const elements = oprf.vectors.map((v) => b64(v.blindedElement));
const evaluated = oprf.vectors.map((v) => b64(v.evaluatedElement));
const answer: MatchingAnswer = {
  type: 'matching.answer',
  version: 1,
  queryId: '01973a5c-8000-7000-8000-000000000001',
  holder: 'pk-fia',
  querier: 'ma-dgsn',
  epoch: 1,
  suite: oprf.suite,
  elementsHash: hashElements(elements),
  evaluatedHash: hashElements(evaluated),
  answeredAt: '2025-06-01T12:00:00.000Z',
};
const answerJws = await signMatchingAnswer(answer, { privateKey, kid: publicJwk.kid });
writeFileSync(
  new URL('../test/vectors/matching-answer-v1.json', import.meta.url),
  `${JSON.stringify(
    {
      description:
        "The holder's signed answer to a blind evaluation (PROTOCOL §12.2): elements and evaluated elements are those of matching-v1.json, in order, base64. The private key is a TEST key published for reproducing the signature; verify answerJws with signingPublicJwk, its payload must equal answer.",
      signingPrivateKeySeed: seed.toString('hex'),
      signingPublicJwk: publicJwk,
      elements,
      evaluated,
      answer,
      answerJws,
    },
    null,
    2,
  )}\n`,
);
console.log('wrote test/vectors/matching-answer-v1.json');
