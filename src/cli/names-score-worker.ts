// Worker thread of `passerelle names score --workers=N`: scores batches of lines in order.
import { parentPort } from 'node:worker_threads';
import type { ParsedName } from '../names/index.js';
import { scoreLine } from './names-score.js';

/** A batch sent to a worker: decoded lines, numbered so the output keeps the input order. */
export interface ScoreBatch {
  readonly seq: number;
  readonly lines: readonly string[];
}

/** A worker's answer: the output lines of one batch, joined with LF. */
export interface ScoredBatch {
  readonly seq: number;
  readonly out: string;
}

const cache = new Map<string, ParsedName>();
parentPort?.on('message', (batch: ScoreBatch) => {
  const out = batch.lines.map((line) => (line.length === 0 ? '\t\t' : scoreLine(line, cache))).join('\n');
  parentPort?.postMessage({ seq: batch.seq, out } satisfies ScoredBatch);
});
