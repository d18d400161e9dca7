#!/usr/bin/env node
// Compiles src/ to dist/ (what bin/passerelle.js runs), then stamps the build so the entry
// point can tell a fresh build from sources edited since. Run by `npm install` (prepare).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('build-cli: typescript is not installed (production install?); the CLI will run from sources');
  process.exit(0);
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(new URL('../dist/.built', import.meta.url), `${new Date().toISOString()}\n`);
