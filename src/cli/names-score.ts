// The line format of `passerelle names score`, shared by the command and its worker threads:
// input "NAME A<TAB>NAME B", output "NAME A<TAB>NAME B<TAB>SCORE[<TAB>NOTE]", one output line
// per input line whatever the bytes.
import type { ParsedName } from '../names/index.js';
import { parseName, scoreParsedNames, unsupportedScripts } from '../names/index.js';

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

// Characters some readers take as a line end (lone CR, VT, FF, NEL, LS, PS): echoed as a
// space, so that the output keeps one line per input line for every reader.
const LINE_BREAKING = /[\r\v\f\u0085\u2028\u2029]/g;

function echo(field: string): string {
  return field.replace(LINE_BREAKING, ' ');
}

/**
 * Scores one input line (without its line end); never throws. A malformed line (no tab, an
 * empty name) gets an empty score; a name in a script the engine cannot read gets a note.
 */
export function scoreLine(line: string, cache: Map<string, ParsedName> = new Map()): string {
  const tab = line.indexOf('\t');
  if (tab < 0) return `${echo(line)}\t\t`;
  const a = line.slice(0, tab);
  const rest = line.slice(tab + 1);
  const b = rest.includes('\t') ? rest.slice(0, rest.indexOf('\t')) : rest;
  const shown = `${echo(a)}\t${echo(b)}`;
  if (a.trim().length === 0 || b.trim().length === 0) return `${shown}\t`;
  try {
    const score = scoreParsedNames(cachedParse(cache, a), cachedParse(cache, b));
    const scripts = ASCII.test(a) && ASCII.test(b) ? [] : unsupportedScripts(a + b);
    const note = scripts.length > 0 ? `\tunsupported script: ${scripts.join(', ')} (no Latin reading)` : '';
    return `${shown}\t${score.toFixed(4)}${note}`;
  } catch {
    return `${shown}\t`;
  }
}

const ASCII = /^[\t\x20-\x7E]*$/;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** One input line as bytes: decoded, or reported as invalid UTF-8 with the offending offset. */
export type DecodedLine = { readonly text: string } | { readonly invalid: Buffer; readonly at: number };

/** Decodes one line's bytes (line end removed); invalid UTF-8 is reported, never replaced. */
export function decodeLine(bytes: Buffer): DecodedLine {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    // Find the first offending byte: the longest prefix that decodes.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    return { invalid: bytes, at: lo };
  }
}

/**
 * The output line for a line that is not valid UTF-8: the bytes as they came (line-breaking
 * bytes aside), no score, and a note. Never scored on a silently repaired string.
 */
export function invalidLineOutput(line: { readonly invalid: Buffer; readonly at: number }): Buffer {
  const bytes = Buffer.from(line.invalid);
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0x0d || bytes[i] === 0x0b || bytes[i] === 0x0c) bytes[i] = 0x20;
  const tabs = bytes.filter((b) => b === 0x09).length;
  const pad = tabs === 0 ? '\t\t' : '\t';
  return Buffer.concat([bytes, Buffer.from(`${pad}\tinvalid UTF-8 at byte ${line.at + 1}`)]);
}

/**
 * Splits a byte stream into lines on LF only (a lone CR is not a line end; CRLF loses its
 * CR), yielding each line's bytes. A last line without LF is yielded too.
 */
export async function* byteLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let data = rest.length > 0 ? Buffer.concat([rest, buf]) : buf;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      const end = nl > start && data[nl - 1] === 0x0d ? nl - 1 : nl;
      yield data.subarray(start, end);
      start = nl + 1;
    }
    data = data.subarray(start);
    rest = Buffer.from(data);
  }
  if (rest.length > 0) yield rest[rest.length - 1] === 0x0d ? rest.subarray(0, -1) : rest;
}
