// `passerelle names …`: compare two names, score a stream of pairs, show a name's keys.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ItemNotMatchableError, itemTokens, matchableRecords, TOKEN_VERSION } from '../matching/index.js';
import type { ParsedName } from '../names/index.js';
import { blockingKeys, compareNames, MAX_NAME_WORDS, parseName } from '../names/index.js';
import { byteLines, decodeLine, invalidLineOutput, scoreLine } from './names-score.js';
import type { ScoreBatch, ScoredBatch } from './names-score-worker.js';

/** Streams the command reads and writes (process streams in the CLI, buffers in tests). */
export interface NamesCommandIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Help text of `passerelle names`. */
export const namesHelp = `Usage: passerelle names <subcommand>

Compare personal names across spellings and scripts (Latin, Arabic, Urdu, Persian).

Subcommands:
  compare "NAME A" "NAME B" [--json]
      Score in [0, 1] and which parts aligned, e.g.
      passerelle names compare "Abd al-Latif Choudhry" "عبد اللطيف چودھری"
  score [--workers=N|auto]
      Read lines "NAME A<TAB>NAME B" on stdin, write "NAME A<TAB>NAME B<TAB>SCORE"
      (4 decimals) in the same order, exactly one output line per input line (lines end
      at LF only; a lone CR inside a field is echoed as a space). Empty or malformed lines
      get an empty score. A fourth column says why a score needs care: "invalid UTF-8
      at byte N" (line not scored, bytes echoed unchanged, exit code 1) or "unsupported
      script: …" (no Latin reading for Devanagari, Chinese …). Names are read up to
      ${MAX_NAME_WORDS} words. --workers=N scores in N worker threads (large files).
  key "NAME" [--year=YYYY] [--json]
      Tokens, spelling forms, phonetic keys, blocking keys and the blind (hit/no-hit)
      tokens: those a holder indexes for such a person and those a querier asks for.

Options:
  --help    this text`;

function write(stream: NodeJS.WritableStream, text: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

function formatScore(score: number): string {
  return score.toFixed(4);
}

async function runCompare(args: string[], io: NamesCommandIo): Promise<number> {
  const json = args.includes('--json');
  const names = args.filter((a) => a !== '--json');
  if (names.length !== 2) {
    await write(io.stderr, `names compare: expected two names\n\n${namesHelp}\n`);
    return 2;
  }
  const result = compareNames(names[0]!, names[1]!);
  if (json) {
    await write(io.stdout, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const lines = [`score ${formatScore(result.score)}`];
  for (const a of result.alignments)
    lines.push(`  ${a.a}  ↔  ${a.b}  ${a.similarity.toFixed(3)} (${a.kind})`);
  if (result.unmatchedA.length > 0) lines.push(`  only in A: ${result.unmatchedA.join(', ')}`);
  if (result.unmatchedB.length > 0) lines.push(`  only in B: ${result.unmatchedB.join(', ')}`);
  for (const n of result.notes) lines.push(`  note: ${n}`);
  for (const w of result.warnings ?? []) lines.push(`  warning: ${w}`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return 0;
}

/** Re-exported for the benchmark and older callers: see names-score.ts. */
export { scoreLine } from './names-score.js';

// Lines per batch, in process and per message to a worker.
const BATCH_LINES = 1024;

/** Turns the byte lines of stdin into output chunks, in order, with invalid UTF-8 reported. */
async function* scoreChunks(
  io: NamesCommandIo,
  score: (lines: string[]) => Promise<string> | string,
  onInvalid: (lineNumber: number, at: number) => void,
): AsyncGenerator<Promise<string | Buffer> | string | Buffer> {
  let batch: string[] = [];
  let lineNumber = 0;
  const flush = (): string[] => {
    const lines = batch;
    batch = [];
    return lines;
  };
  for await (const bytes of byteLines(io.stdin as AsyncIterable<Buffer | string>)) {
    lineNumber++;
    const line = decodeLine(bytes);
    if ('invalid' in line) {
      if (batch.length > 0) yield Promise.resolve(score(flush()));
      onInvalid(lineNumber, line.at);
      yield Buffer.concat([invalidLineOutput(line), Buffer.from('\n')]);
      continue;
    }
    batch.push(line.text);
    if (batch.length >= BATCH_LINES) yield Promise.resolve(score(flush()));
  }
  if (batch.length > 0) yield Promise.resolve(score(flush()));
}

function scoreBatchHere(cache: Map<string, ParsedName>, lines: string[]): string {
  let out = '';
  for (const line of lines) out += `${line.length === 0 ? '\t\t' : scoreLine(line, cache)}\n`;
  return out;
}

// The worker script next to this file: .ts when run from source (tsx), .js once compiled.
function startWorker(): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const script = new URL(`./names-score-worker.${compiled ? 'js' : 'ts'}`, import.meta.url);
  if (compiled) return new Worker(script);
  // From source, the worker loads tsx itself (Node 20 does not pass the loader to workers).
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** A pool of workers answering batches; each batch resolves to its output text. */
function workerPool(size: number): {
  score: (lines: string[]) => Promise<string>;
  close: () => Promise<void>;
} {
  const workers = Array.from({ length: size }, startWorker);
  const waiting = new Map<number, { resolve: (out: string) => void; reject: (e: Error) => void }>();
  let seq = 0;
  for (const w of workers) {
    w.on('message', (m: ScoredBatch) => {
      waiting.get(m.seq)?.resolve(`${m.out}\n`);
      waiting.delete(m.seq);
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
  }
  return {
    score: (lines) =>
      new Promise((resolve, reject) => {
        const n = seq++;
        waiting.set(n, { resolve, reject });
        workers[n % size]!.postMessage({ seq: n, lines } satisfies ScoreBatch);
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

async function runScore(args: string[], io: NamesCommandIo): Promise<number> {
  const workersArg = args.find((a) => a.startsWith('--workers='))?.slice('--workers='.length);
  const workers =
    workersArg === undefined ? 1 : workersArg === 'auto' ? availableParallelism() : Number(workersArg);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    await write(io.stderr, 'names score: --workers expects a number from 1 to 64, or auto\n');
    return 2;
  }
  let invalid = 0;
  const onInvalid = (lineNumber: number, at: number): void => {
    invalid++;
    if (invalid <= 10) io.stderr.write(`names score: line ${lineNumber}: invalid UTF-8 at byte ${at + 1}\n`);
  };
  const cache = new Map<string, ParsedName>();
  const pool = workers > 1 ? workerPool(workers) : undefined;
  const score = pool ? pool.score : (lines: string[]) => scoreBatchHere(cache, lines);
  try {
    // Up to two batches per worker in flight; written strictly in input order.
    const inFlight: Array<Promise<string | Buffer> | string | Buffer> = [];
    const limit = pool ? workers * 2 : 1;
    for await (const chunk of scoreChunks(io, score, onInvalid)) {
      inFlight.push(chunk);
      while (inFlight.length >= limit) await write(io.stdout, await inFlight.shift()!);
    }
    while (inFlight.length > 0) await write(io.stdout, await inFlight.shift()!);
  } finally {
    await pool?.close();
  }
  if (invalid > 0) {
    await write(
      io.stderr,
      `names score: ${invalid} line(s) not valid UTF-8: not scored, reported in column 4\n`,
    );
    return 1;
  }
  return 0;
}

/**
 * The hit/no-hit tokens of a person with this name, as the matching module derives them: what a
 * holder indexes for such a record (with the year and without), and what a querier asks for.
 */
function blindTokens(name: string, year: number | undefined) {
  const record = {
    kind: 'person',
    id: 'names-key',
    role: 'suspect',
    names: [{ full: name }],
    datesOfBirth: year === undefined ? [] : [String(year)],
  };
  let querier: string[] = [];
  try {
    querier = itemTokens({
      kind: 'person',
      names: [name],
      ...(year === undefined ? {} : { birthYear: year }),
    });
  } catch (err) {
    if (!(err instanceof ItemNotMatchableError)) throw err;
  }
  return { tokenVersion: TOKEN_VERSION, holder: [...(matchableRecords([record])[0]?.tokens ?? [])], querier };
}

async function runKey(args: string[], io: NamesCommandIo): Promise<number> {
  const json = args.includes('--json');
  const yearArg = args.find((a) => a.startsWith('--year='));
  const year = yearArg ? Number(yearArg.slice('--year='.length)) : undefined;
  const names = args.filter((a) => !a.startsWith('--'));
  if (names.length !== 1 || (year !== undefined && !Number.isInteger(year))) {
    await write(io.stderr, 'names key: expected one name (and optionally --year=YYYY)\n');
    return 2;
  }
  const name = names[0]!;
  const parsed = parseName(name);
  const report = {
    name,
    tokens: parsed.tokens.map((t) => ({
      text: t.text,
      forms: t.forms,
      key: t.key,
      kind: t.kind,
      role: t.role,
      weight: Math.round(t.weight * 1000) / 1000,
      script: t.arabic ? 'arabic' : 'latin',
      rules: t.rules,
    })),
    blockingKeys: blockingKeys(parsed),
    blindTokens: blindTokens(name, year),
  };
  if (json) {
    await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const lines = report.tokens.map(
    (t) =>
      `${t.text}\tform=${t.forms.join('|')}\tkey=${t.key}\t${t.kind}/${t.role}\tweight=${t.weight}${t.rules.length > 0 ? `\t(${t.rules.join('; ')})` : ''}`,
  );
  lines.push(`blocking keys: ${report.blockingKeys.join(' ')}`);
  const b = report.blindTokens;
  lines.push(`blind tokens, holder (${b.holder.length}): ${b.holder.join(' ')}`);
  lines.push(`blind tokens, querier (${b.querier.length}): ${b.querier.join(' ')}`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return 0;
}

/**
 * Runs `passerelle names …` with the arguments after "names". Returns the exit code:
 * 0 success, 2 usage error.
 */
export async function runNamesCommand(args: string[], io: NamesCommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help' || rest.includes('--help')) {
    await write(sub === undefined ? io.stderr : io.stdout, `${namesHelp}\n`);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'compare':
      return runCompare(rest, io);
    case 'score':
      return runScore(rest, io);
    case 'key':
    case 'keys':
      return runKey(rest, io);
    default:
      await write(io.stderr, `names: unknown subcommand "${sub}"\n\n${namesHelp}\n`);
      return 2;
  }
}
