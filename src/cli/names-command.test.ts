import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
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
  it('key shows forms, keys and match tokens', async () => {
    const r = await run(['key', 'Haji Muhammad Taher Anwari', '--year=1961']);
    assert.equal(r.code, 0);
    assert.match(r.out, /muhammad\tform=muhamad\tkey=MHMD/);
    assert.match(r.out, /honorific/);
    assert.match(r.out, /match tokens: .*pn2:MHMD\+NR:1961/);
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
});
