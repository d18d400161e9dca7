// The OPRF over arrays: what a worker thread runs on its share of a batch, and what the main
// thread runs itself for batches too small to be worth the hand-over. Tokens travel packed
// (UTF-8 bytes and end offsets) and every array is a plain byte array, so a job crosses to a
// worker as a few transferred ArrayBuffers instead of one structured-cloned string per token.
import { writeEntry } from './filter.js';
import {
  blind,
  blindEvaluate,
  ELEMENT_BYTES,
  evaluateDirectMany,
  invertScalars,
  OUTPUT_BYTES,
  unblindFinalizeWithInverse,
} from './oprf.js';

/** Bytes of a filter entry (see filter.ts). */
const ENTRY = 16;
const REF = 10;

/** Tokens as UTF-8 bytes and the end offset of each. */
export interface PackedTokens {
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** A job for {@link runOprfJob}. */
export type OprfJob =
  | { op: 'entries'; key: Uint8Array; tokens: PackedTokens; refs: Uint8Array }
  | { op: 'evaluate'; key: Uint8Array; elements: Uint8Array }
  | { op: 'blind'; tokens: PackedTokens }
  | { op: 'finalize'; tokens: PackedTokens; blinds: Uint8Array; evaluated: Uint8Array };

/** What a job answers: `a` always, `b` for blind (the elements; `a` holds the blinds). */
export interface OprfJobResult {
  a: Uint8Array;
  b?: Uint8Array;
}

/** Packs tokens (strings) into one byte array. */
export function packTokens(tokens: readonly string[]): PackedTokens {
  const ends = new Uint32Array(tokens.length);
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    total += Buffer.byteLength(tokens[i]!);
    ends[i] = total;
  }
  const bytes = Buffer.allocUnsafe(total);
  let at = 0;
  for (const t of tokens) at += bytes.write(t, at);
  return { bytes, ends };
}

/** Tokens `from` to `to` of a packed array, copied (so that they can be transferred). */
export function slicePacked(p: PackedTokens, from: number, to: number): PackedTokens {
  const start = from === 0 ? 0 : p.ends[from - 1]!;
  const ends = new Uint32Array(to - from);
  for (let i = from; i < to; i++) ends[i - from] = p.ends[i]! - start;
  return { bytes: p.bytes.slice(start, to === 0 ? 0 : p.ends[to - 1]!), ends };
}

function unpack(p: PackedTokens): Uint8Array[] {
  const out = new Array<Uint8Array>(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    out[i] = p.bytes.subarray(start, p.ends[i]!);
    start = p.ends[i]!;
  }
  return out;
}

const view = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Runs one job synchronously. Throws InvalidElementError on a bad element. */
export function runOprfJob(job: OprfJob): OprfJobResult {
  switch (job.op) {
    case 'entries': {
      const inputs = unpack(job.tokens);
      const outputs = evaluateDirectMany(job.key, inputs);
      const out = Buffer.alloc(inputs.length * ENTRY);
      const refs = view(job.refs);
      for (let i = 0; i < inputs.length; i++)
        writeEntry(
          out,
          i * ENTRY,
          outputs.subarray(i * OUTPUT_BYTES, (i + 1) * OUTPUT_BYTES),
          refs.subarray(i * REF, (i + 1) * REF),
        );
      return { a: out };
    }
    case 'evaluate': {
      const n = job.elements.length / ELEMENT_BYTES;
      const out = Buffer.alloc(job.elements.length);
      const els = view(job.elements);
      for (let i = 0; i < n; i++)
        blindEvaluate(job.key, els.subarray(i * ELEMENT_BYTES, (i + 1) * ELEMENT_BYTES)).copy(
          out,
          i * ELEMENT_BYTES,
        );
      return { a: out };
    }
    case 'blind': {
      const inputs = unpack(job.tokens);
      const blinds = Buffer.alloc(inputs.length * ELEMENT_BYTES);
      const elements = Buffer.alloc(inputs.length * ELEMENT_BYTES);
      inputs.forEach((t, i) => {
        const b = blind(t);
        b.blind.copy(blinds, i * ELEMENT_BYTES);
        b.blindedElement.copy(elements, i * ELEMENT_BYTES);
      });
      return { a: blinds, b: elements };
    }
    case 'finalize': {
      const inputs = unpack(job.tokens);
      const out = Buffer.alloc(inputs.length * OUTPUT_BYTES);
      const inverses = invertScalars(job.blinds);
      const evaluated = view(job.evaluated);
      inputs.forEach((t, i) => {
        const s = i * ELEMENT_BYTES;
        unblindFinalizeWithInverse(
          t,
          inverses.subarray(s, s + ELEMENT_BYTES),
          evaluated.subarray(s, s + ELEMENT_BYTES),
        ).copy(out, i * OUTPUT_BYTES);
      });
      return { a: out };
    }
  }
}

/** The ArrayBuffers of a job or result, to transfer rather than copy. */
export function transferList(x: OprfJob | OprfJobResult): ArrayBuffer[] {
  const arrays: Uint8Array[] = [];
  const seen = (u: Uint8Array | Uint32Array | undefined) => {
    if (u && u.buffer instanceof ArrayBuffer && u.byteOffset === 0 && u.byteLength === u.buffer.byteLength)
      arrays.push(u as Uint8Array);
  };
  if ('op' in x) {
    if ('tokens' in x) {
      seen(x.tokens.bytes);
      seen(x.tokens.ends);
    }
    if (x.op === 'entries') seen(x.refs);
    if (x.op === 'evaluate') seen(x.elements);
    if (x.op === 'finalize') {
      seen(x.blinds);
      seen(x.evaluated);
    }
  } else {
    seen(x.a);
    seen(x.b);
  }
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
