#!/usr/bin/env node
// Entry point of the `passerelle` command. Runs the compiled JavaScript in dist/ (built by
// `npm run build:cli`, which `npm install` runs as `prepare`) when it is at least as new as
// every source file; otherwise runs the TypeScript sources through tsx, so a checkout being
// edited never runs stale code.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsFresh() {
  try {
    const built = statSync(new URL('dist/.built', root)).mtimeMs;
    return built >= newestSource(new URL('src/', root));
  } catch {
    return false;
  }
}

// A reader that closes the pipe early (`passerelle inbox | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let main;
if (compiledIsFresh()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'passerelle: dist/ is missing or older than the sources, and tsx is not installed: run "npm ci" (or "npm run build:cli")\n',
    );
    process.exit(1);
  }
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
