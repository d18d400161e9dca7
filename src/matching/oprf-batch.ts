// The OPRF over arrays: what a worker thread runs on its share of a batch, and what the main
// thread runs itself for batches too small to be worth the hand-over.
import { writeEntry } from './filter.js';
import {
  blind,
  blindEvaluate,
  ELEMENT_BYTES,
  evaluateDirect,
  OUTPUT_BYTES,
  unblindFinalize,
} from './oprf.js';

/** Bytes of a filter entry (see filter.ts). */
const ENTRY = 16;
const REF = 10;

/** A job for {@link runOprfJob}. */
export type OprfJob =
  | { op: 'entries'; key: Uint8Array; tokens: string[]; refs: Uint8Array }
  | { op: 'evaluate'; key: Uint8Array; elements: Uint8Array }
  | { op: 'blind'; tokens: string[] }
  | { op: 'finalize'; tokens: string[]; blinds: Uint8Array; evaluated: Uint8Array };

/** What a job answers: `a` always, `b` for blind (the elements; `a` holds the blinds). */
export interface OprfJobResult {
  a: Uint8Array;
  b?: Uint8Array;
}

const enc = new TextEncoder();
const view = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Runs one job synchronously. Throws InvalidElementError on a bad element. */
export function runOprfJob(job: OprfJob): OprfJobResult {
  switch (job.op) {
    case 'entries': {
      const out = Buffer.alloc(job.tokens.length * ENTRY);
      const refs = view(job.refs);
      job.tokens.forEach((t, i) => {
        writeEntry(
          out,
          i * ENTRY,
          evaluateDirect(job.key, enc.encode(t)),
          refs.subarray(i * REF, (i + 1) * REF),
        );
      });
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
      const blinds = Buffer.alloc(job.tokens.length * ELEMENT_BYTES);
      const elements = Buffer.alloc(job.tokens.length * ELEMENT_BYTES);
      job.tokens.forEach((t, i) => {
        const b = blind(enc.encode(t));
        b.blind.copy(blinds, i * ELEMENT_BYTES);
        b.blindedElement.copy(elements, i * ELEMENT_BYTES);
      });
      return { a: blinds, b: elements };
    }
    case 'finalize': {
      const out = Buffer.alloc(job.tokens.length * OUTPUT_BYTES);
      const blinds = view(job.blinds);
      const evaluated = view(job.evaluated);
      job.tokens.forEach((t, i) => {
        const s = i * ELEMENT_BYTES;
        unblindFinalize(
          enc.encode(t),
          blinds.subarray(s, s + ELEMENT_BYTES),
          evaluated.subarray(s, s + ELEMENT_BYTES),
        ).copy(out, i * OUTPUT_BYTES);
      });
      return { a: out };
    }
  }
}
