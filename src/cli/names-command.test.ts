import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { runNamesCommand } from './names-command.js';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await runNamesCommand(args, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}

describe('passerelle names', () => {
  it('compare prints the score and the alignment', async () => {
    const r = await run(['compare', 'Abd al-Latif', 'Abdellatif']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^score 1\.0000/);
    assert.match(r.out, /abd al latif {2}↔ {2}abdellatif/);
  });
  it('compare --json returns the result object', async () => {
    const r = await run(['compare', 'Muhammad', 'محمد', '--json']);
    const parsed = JSON.parse(r.out) as { score: number; alignments: Array<{ kind: string }> };
    assert.ok(parsed.score > 0.85);
    assert.equal(parsed.alignments[0]!.kind, 'cross-script');
  });
  it('compare with one name is a usage error', async () => {
    const r = await run(['compare', 'Omar']);
    assert.equal(r.code, 2);
    assert.match(r.err, /expected two names/);
  });
  it('score streams pairs in order, with 4 decimals, and survives malformed lines', async () => {
    const input =
      'Muhammad\tMohamed\n\nno tab here\nOmar\t\n\tOmar\nHassan\tHussain\r\nFatima\tFatima\textra';
    const r = await run(['score'], input);
    assert.equal(r.code, 0);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.equal(lines.length, 7);
    assert.match(lines[0]![2]!, /^0\.\d{4}$/);
    assert.deepEqual(lines[1], ['', '', '']);
    assert.deepEqual(lines[2], ['no tab here', '', '']);
    assert.deepEqual(lines[3], ['Omar', '', '']);
    assert.deepEqual(lines[4], ['', 'Omar', '']);
    assert.equal(lines[5]![1], 'Hussain');
    assert.deepEqual(lines[6], ['Fatima', 'Fatima', '1.0000']);
  });
  it('key shows forms, keys and the blind tokens of both sides', async () => {
    const r = await run(['key', 'Haji Muhammad Taher Anwari', '--year=1961']);
    assert.equal(r.code, 0);
    assert.match(r.out, /muhammad\tform=muhamad\tkey=MHMD/);
    assert.match(r.out, /honorific/);
    // The holder indexes the recorded year and no year; the querier asks for the year and its
    // neighbours. The honorific gives no key.
    assert.match(r.out, /blind tokens, holder \(6\): .*v2\|pb2:MHMD\+NR:1961 .*v2\|pb2:MHMD\+NR:-/);
    // The querier also asks for Anwari's w read as ف (NFR); the holder indexes its own keys only.
    assert.match(r.out, /blind tokens, querier \(15\): .*v2\|pb2:MHMD\+NR:1960 .*v2\|pb2:MHMD\+NR:1962/);
    assert.match(r.out, /blind tokens, querier .*v2\|pb2:MHMD\+NFR:1961/);
    assert.doesNotMatch(r.out, /blind tokens, holder [^\n]*NFR/);
    assert.doesNotMatch(r.out, /pn2:/);
  });
  it('key --json gives the blind tokens the querier asks for, other readings included', async () => {
    const r = await run(['key', 'Khalil Chaudhry', '--json']);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.out);
    assert.equal(report.blindTokens.tokenVersion, 'v2');
    assert.ok(report.blindTokens.holder.length > 0);
    // The querier also asks for ch read as kh: more tokens than the holder indexes, all v2.
    assert.ok(report.blindTokens.querier.length > report.blindTokens.holder.length, r.out);
    for (const t of [...report.blindTokens.holder, ...report.blindTokens.querier])
      assert.match(t, /^v2\|pb[12]:/);
    assert.equal(report.matchTokens, undefined);
  });
  it('--help prints usage; no subcommand is an error', async () => {
    assert.match((await run(['--help'])).out, /Usage: passerelle names/);
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['frobnicate'])).code, 2);
  });
  it('runs as a process over real stdin/stdout', () => {
    const script = fileURLToPath(new URL('./names-command.ts', import.meta.url));
    const code = `import { runNamesCommand } from ${JSON.stringify(script)};
process.exitCode = await runNamesCommand(['score'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      input: 'Jalaluddin Haqqani\tJallalouddine Haqani\n',
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Jalaluddin Haqqani\tJallalouddine Haqani\t1\.0000\n$/);
  });

  it('keeps one output line per input line: a lone CR inside a field does not split it', async () => {
    const input = 'Ali\rHassan\tAli Hassan\nOmar\tOm\rar\r\nFatima\tFatima\n';
    const r = await run(['score'], input);
    assert.equal(r.code, 0);
    const lines = r.out.split('\n');
    assert.equal(lines.length, 4); // three lines and the final LF
    assert.equal(lines[3], '');
    assert.ok(!r.out.includes('\r'));
    assert.deepEqual(lines[0]!.split('\t'), ['Ali Hassan', 'Ali Hassan', '1.0000']);
    assert.deepEqual(lines[1]!.split('\t').slice(0, 2), ['Omar', 'Om ar']);
    assert.deepEqual(lines[2]!.split('\t'), ['Fatima', 'Fatima', '1.0000']);
  });
  it('reports invalid UTF-8 instead of scoring a silently repaired line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Ali\tAli\n'),
      Buffer.from([0x4f, 0x6d, 0xff, 0x61, 0x72, 0x09, 0x4f, 0x6d, 0x61, 0x72, 0x0a]), // Om\xFFar<TAB>Omar
      Buffer.from('Omar\tOmar\n'),
    ]);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    let err = '';
    stdout.on('data', (c: Buffer) => out.push(c));
    stderr.on('data', (c) => {
      err += c;
    });
    const code = await runNamesCommand(['score'], { stdin: Readable.from([bytes]), stdout, stderr });
    assert.equal(code, 1);
    const all = Buffer.concat(out);
    const lines = all.toString('latin1').split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^Ali\tAli\t1\.0000$/);
    // the bytes come back as they were, the score is empty, column 4 says why
    assert.ok(all.includes(Buffer.from([0x4f, 0x6d, 0xff, 0x61, 0x72, 0x09])));
    assert.match(lines[1]!, /\t\tinvalid UTF-8 at byte 3$/);
    assert.match(lines[2]!, /^Omar\tOmar\t1\.0000$/);
    assert.match(err, /line 2: invalid UTF-8 at byte 3/);
  });
  it('says when a script has no Latin reading, and reads Cyrillic', async () => {
    const r = await run(['score'], 'अली\tAli\nВладимир\tVladimir\n');
    const lines = r.out.trimEnd().split('\n');
    assert.match(lines[0]!, /\tunsupported script: Devanagari/);
    assert.match(lines[1]!, /^Владимир\tVladimir\t1\.0000$/);
  });
  it('answers a line of two 1,700-word names at once', async () => {
    const a = Array.from({ length: 1700 }, (_, i) => `w${i}`).join(' ');
    const r = await run(['score'], `${a}\t${a}\nAli\tAli\n`);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /^Ali\tAli\t1\.0000$/);
  });
  it('--workers=2 scores in worker threads, same output in the same order', async () => {
    const names = ['Muhammad', 'Mohamed', 'Hassan', 'Hussain', 'محمد', 'Omar', 'Umar', 'Jamal', 'Cemal'];
    const input: string[] = [];
    for (let i = 0; i < 3000; i++) input.push(`${names[i % 9]} ${i % 13}\t${names[(i * 7) % 9]} ${i % 13}`);
    input.splice(1500, 0, '', 'no tab');
    const text = `${input.join('\n')}\n`;
    const single = await run(['score'], text);
    const pooled = await run(['score', '--workers=2'], text);
    assert.equal(pooled.code, 0, pooled.err);
    assert.equal(pooled.out.split('\n').length, input.length + 1);
    assert.equal(pooled.out, single.out);
  });
  it('rejects a bad --workers value', async () => {
    const r = await run(['score', '--workers=0'], 'a\tb\n');
    assert.equal(r.code, 2);
    assert.match(r.err, /--workers/);
  });
  it('whatever the bytes, writes one output line per input line (property)', async () => {
    // Bytes that break naive line handling: LF, CR, tab, NUL, invalid UTF-8 lead and
    // continuation bytes, a BOM, multi-byte Arabic, and plain letters.
    const piece = fc.constantFrom(
      [0x0a],
      [0x0d],
      [0x09],
      [0x00],
      [0xff],
      [0xc3],
      [0x80],
      [0xef, 0xbb, 0xbf],
      [0xd8, 0xb9],
      [0x41],
      [0x6c],
      [0x20],
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        const bytes = Buffer.from(pieces.flat());
        const stdout = new PassThrough();
        const stderr = new PassThrough();
        const out: Buffer[] = [];
        stdout.on('data', (c: Buffer) => out.push(c));
        stderr.resume();
        await runNamesCommand(['score'], { stdin: Readable.from([bytes]), stdout, stderr });
        const all = Buffer.concat(out);
        const lfs = bytes.filter((b) => b === 0x0a).length;
        const expected = lfs + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0);
        const written = all.filter((b) => b === 0x0a).length;
        return written === expected && !all.includes(0x0d);
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
