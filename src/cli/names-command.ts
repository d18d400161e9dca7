// `passerelle names …`: compare two names, score a stream of pairs, show a name's keys.
import { createInterface } from 'node:readline';
import type { ParsedName } from '../names/index.js';
import {
  blockingKeys,
  compareNames,
  parseName,
  personMatchTokens,
  scoreParsedNames,
} from '../names/index.js';

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
  score
      Read lines "NAME A<TAB>NAME B" on stdin, write "NAME A<TAB>NAME B<TAB>SCORE"
      (4 decimals) in the same order. Empty or malformed lines get an empty score.
  key "NAME" [--year=YYYY] [--json]
      Tokens, spelling forms, phonetic keys, blocking keys and hit/no-hit match tokens.

Options:
  --help    this text`;

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
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
  await write(io.stdout, `${lines.join('\n')}\n`);
  return 0;
}

// Lists repeat names (one query against many, one list against another): parsing each
// distinct name once is most of the throughput. Bounded so memory stays flat.
const PARSE_CACHE_LIMIT = 50_000;

function cachedParse(cache: Map<string, ParsedName>, name: string): ParsedName {
  let parsed = cache.get(name);
  if (parsed === undefined) {
    if (cache.size >= PARSE_CACHE_LIMIT) cache.clear();
    parsed = parseName(name);
    cache.set(name, parsed);
  }
  return parsed;
}

/** Scores one input line; never throws (a malformed line gets an empty score). */
export function scoreLine(line: string, cache: Map<string, ParsedName> = new Map()): string {
  const tab = line.indexOf('\t');
  if (tab < 0) return `${line}\t\t`;
  const a = line.slice(0, tab);
  const rest = line.slice(tab + 1);
  const b = rest.includes('\t') ? rest.slice(0, rest.indexOf('\t')) : rest;
  if (a.trim().length === 0 || b.trim().length === 0) return `${a}\t${b}\t`;
  try {
    const score = scoreParsedNames(cachedParse(cache, a), cachedParse(cache, b));
    return `${a}\t${b}\t${formatScore(score)}`;
  } catch {
    return `${a}\t${b}\t`;
  }
}

async function runScore(io: NamesCommandIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  // Output is batched: one write per chunk of lines keeps throughput high; awaiting drain
  // keeps memory flat when the reader is slower than we are.
  let batch: string[] = [];
  const cache = new Map<string, ParsedName>();
  for await (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    batch.push(line.length === 0 ? '\t\t' : scoreLine(line, cache));
    if (batch.length >= 512) {
      await write(io.stdout, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) await write(io.stdout, `${batch.join('\n')}\n`);
  return 0;
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
    matchTokens: personMatchTokens({ name, yearOfBirth: year }, { side: 'holder' }),
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
  lines.push(`match tokens: ${report.matchTokens.join(' ')}`);
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
      return runScore(io);
    case 'key':
    case 'keys':
      return runKey(rest, io);
    default:
      await write(io.stderr, `names: unknown subcommand "${sub}"\n\n${namesHelp}\n`);
      return 2;
  }
}
