import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createConformanceIdentity,
  identityFingerprint,
  loadConformanceIdentity,
  runConformanceChecks,
  type StoredConformanceIdentity,
} from './conformance.js';
import { type CliIo, println, UsageError } from './io.js';

export const conformanceHelp = `Usage: passerelle conformance identity --out FILE --id ID --country CC [--endpoint URL]
       passerelle conformance --url URL --identity FILE [--json]

Plays the federation conformance checklist (docs/PROTOCOL.md §11) against another node,
over its public federation endpoints, and prints PASS or FAIL per item: pairing (card and
its signature), every message type, receipts, replay, tampering, expiry, wrong keys,
oversize. The kit speaks as a test identity that the node under test pairs like any partner:

  1. passerelle conformance identity --out kit.json --id conformance-kit --country MA
     writes the identity (private keys: keep the file private) and kit.card.json, and prints
     the fingerprint.
  2. On the node under test an administrator imports kit.card.json (passerelle partner add
     kit.card.json) and verifies the fingerprint printed in step 1.
  3. passerelle conformance --url https://node.example --identity kit.json
  4. Revoke the test partner afterwards (passerelle partner revoke conformance-kit).

The accepted test messages stay in the tested node's inbox, marked as synthetic test
messages: run it against a staging node where possible.

  --url URL        the tested node's base URL (its card endpoint, without /federation/v1)
  --identity FILE  the identity written by "conformance identity"
  --json           machine-readable result: { ok, items: [{ id, title, ok, detail }] }
Exit code 0 when every item passes, 3 otherwise.`;

async function runIdentity(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      id: { type: 'string', default: 'conformance-kit' },
      country: { type: 'string' },
      endpoint: { type: 'string', default: 'http://127.0.0.1:9' },
    },
  });
  if (!values.out || !values.country) throw new UsageError('--out FILE and --country CC are required');
  const out = resolve(io.cwd, values.out);
  if (existsSync(out)) throw new UsageError(`${out} exists; choose another file`);
  const stored = await createConformanceIdentity(values.id, values.country, values.endpoint);
  writeFileSync(out, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  const cardFile = out.replace(/(\.json)?$/, '.card.json');
  writeFileSync(cardFile, `${JSON.stringify({ cardJws: stored.cardJws }, null, 2)}\n`);
  const fingerprint = identityFingerprint(await loadConformanceIdentity(stored));
  println(io, `identity ${stored.nodeId} written to ${out} (private)`);
  println(io, `card written to ${cardFile}: import it on the node under test, then verify`);
  println(io, `fingerprint ${fingerprint.text}`);
  println(io, `            ${fingerprint.numeric}`);
  return 0;
}

/** `passerelle conformance`: creates a test identity, or plays the checklist against a node. */
export async function runConformance(args: string[], io: CliIo): Promise<number> {
  if (args[0] === 'identity') return runIdentity(args.slice(1), io);
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      identity: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.url || !values.identity) throw new UsageError('--url URL and --identity FILE are required');
  const path = resolve(io.cwd, values.identity);
  let stored: StoredConformanceIdentity;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8')) as StoredConformanceIdentity;
  } catch (err) {
    throw new UsageError(`cannot read the identity ${path}: ${(err as Error).message}`);
  }
  let identity: Awaited<ReturnType<typeof loadConformanceIdentity>>;
  try {
    identity = await loadConformanceIdentity(stored);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const items = await runConformanceChecks(values.url, identity);
  const ok = items.length > 0 && items.every((i) => i.ok);
  if (values.json) {
    println(io, JSON.stringify({ ok, items }, null, 2));
  } else {
    for (const item of items) {
      println(io, `${item.ok ? 'PASS' : 'FAIL'}  ${item.id.padEnd(24)} ${item.title}`);
      if (!item.ok || item.detail) println(io, `      ${' '.repeat(24)} ${item.detail}`);
    }
    const failed = items.filter((i) => !i.ok).length;
    println(io, `\n${items.length - failed} passed, ${failed} failed`);
  }
  return ok ? 0 : 3;
}
