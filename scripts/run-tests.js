#!/usr/bin/env node
// Runs node's test runner on an explicit list of test files: on Node 20 a folder or a
// quoted glob runs nothing and exits 0, so the list is built here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, path));
  }
  return out;
}

let files = [
  ...collect(join(root, 'src')),
  ...collect(join(root, 'web', 'src')),
  ...collect(join(root, 'test')),
].sort();
if (only === 'unit') files = files.filter((f) => !f.startsWith('test/'));
if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// One file at a time: the fault tests restart the shared PostgreSQL server and the demo and
// CLI tests listen on fixed ports, so files must not overlap (it is also the default on 2 cores).
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  },
);
process.exit(result.status ?? 1);
