// A pool of worker threads for the OPRF (DESIGN §3: index builds use both cores). Jobs are cut
// in as many slices as there are workers; small jobs run on the calling thread, since handing
// over costs more than a few scalar multiplications.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ELEMENT_BYTES, InvalidElementError, OUTPUT_BYTES } from './oprf.js';
import {
  type OprfJob,
  type OprfJobResult,
  packTokens,
  runOprfJob,
  slicePacked,
  transferList,
} from './oprf-batch.js';

/** Options of {@link OprfPool}. */
export interface OprfPoolOptions {
  /** Worker threads (default: the cores available). */
  size?: number;
  /** Jobs with fewer tokens or elements run on the calling thread (default 64). */
  inlineBelow?: number;
}

// The worker script next to this file: .ts when run from source (tsx), .js once compiled.
function startWorker(): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const script = new URL(`./oprf-worker.${compiled ? 'js' : 'ts'}`, import.meta.url);
  if (compiled) return new Worker(script);
  // From source, the worker loads tsx itself (Node 20 does not pass the loader to workers).
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  resolve: (r: OprfJobResult) => void;
  reject: (e: Error) => void;
}

/** The OPRF over arrays, spread over worker threads. */
export class OprfPool {
  readonly size: number;
  readonly #inlineBelow: number;
  #workers: Worker[] | null = null;
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  constructor(options: OprfPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.#inlineBelow = options.inlineBelow ?? 64;
  }

  #start(): Worker[] {
    if (this.#workers) return this.#workers;
    this.#workers = Array.from({ length: this.size }, () => {
      const w = startWorker();
      w.unref();
      w.on(
        'message',
        (msg: { id: number; result?: OprfJobResult; error?: { name: string; message: string } }) => {
          const p = this.#pending.get(msg.id);
          if (!p) return;
          this.#pending.delete(msg.id);
          if (msg.error) {
            p.reject(
              msg.error.name === 'InvalidElementError'
                ? new InvalidElementError(msg.error.message)
                : new Error(msg.error.message),
            );
          } else p.resolve(msg.result!);
        },
      );
      w.on('error', (err) => {
        for (const p of this.#pending.values()) p.reject(err);
        this.#pending.clear();
      });
      return w;
    });
    return this.#workers;
  }

  #send(worker: Worker, job: OprfJob): Promise<OprfJobResult> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, job }, transferList(job));
    });
  }

  /** Runs a job over slices of `count` units; `slice(from, to)` cuts the job. */
  async #spread(count: number, slice: (from: number, to: number) => OprfJob): Promise<OprfJobResult[]> {
    if (count < this.#inlineBelow || this.size === 1) return [runOprfJob(slice(0, count))];
    const workers = this.#start();
    // Slices of at most 4,096 units, handed to whichever worker is free: both cores stay busy
    // when one of them is slowed down (a shared machine), and a slice's buffers stay small.
    const step = Math.min(4096, Math.ceil(count / (workers.length * 4)));
    const results: OprfJobResult[] = [];
    let next = 0;
    const drain = async (worker: Worker) => {
      while (next < count) {
        const from = next;
        next = Math.min(count, from + step);
        results[from / step] = await this.#send(worker, slice(from, next));
      }
    };
    await Promise.all(workers.map(drain));
    return results;
  }

  /** Filter entries (16 bytes each) of `tokens` under `key`, the i-th sealing `refs[i]`. */
  async entries(key: Uint8Array, tokens: readonly string[], refs: Uint8Array): Promise<Buffer> {
    const packed = packTokens(tokens);
    const parts = await this.#spread(tokens.length, (a, b) => ({
      op: 'entries',
      key,
      tokens: slicePacked(packed, a, b),
      refs: refs.slice(a * 10, b * 10),
    }));
    return Buffer.concat(parts.map((p) => p.a));
  }

  /** The holder's blind evaluation of concatenated 32-byte elements. */
  async evaluate(key: Uint8Array, elements: Uint8Array): Promise<Buffer> {
    const n = elements.length / ELEMENT_BYTES;
    const parts = await this.#spread(n, (a, b) => ({
      op: 'evaluate',
      key,
      elements: elements.slice(a * ELEMENT_BYTES, b * ELEMENT_BYTES),
    }));
    return Buffer.concat(parts.map((p) => p.a));
  }

  /** The querier's blinding: blinds and blinded elements, 32 bytes each, concatenated. */
  async blind(tokens: readonly string[]): Promise<{ blinds: Buffer; elements: Buffer }> {
    const packed = packTokens(tokens);
    const parts = await this.#spread(tokens.length, (a, b) => ({
      op: 'blind',
      tokens: slicePacked(packed, a, b),
    }));
    return {
      blinds: Buffer.concat(parts.map((p) => p.a)),
      elements: Buffer.concat(parts.map((p) => p.b!)),
    };
  }

  /** The querier's unblinding and Finalize: 64-byte outputs, concatenated. */
  async finalize(tokens: readonly string[], blinds: Uint8Array, evaluated: Uint8Array): Promise<Buffer> {
    const packed = packTokens(tokens);
    const parts = await this.#spread(tokens.length, (a, b) => ({
      op: 'finalize',
      tokens: slicePacked(packed, a, b),
      blinds: blinds.slice(a * ELEMENT_BYTES, b * ELEMENT_BYTES),
      evaluated: evaluated.slice(a * ELEMENT_BYTES, b * ELEMENT_BYTES),
    }));
    return Buffer.concat(parts.map((p) => p.a));
  }

  /** Bytes of an OPRF output. */
  static readonly OUTPUT_BYTES = OUTPUT_BYTES;

  /** Stops the workers. */
  async close(): Promise<void> {
    const workers = this.#workers ?? [];
    this.#workers = null;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
