import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { initNode } from '../src/app/init-node.js';
import { countInbox } from '../src/federation/index.js';
import { dataFiles, openDatabase, Secret } from '../src/platform/index.js';
import { createTestDatabase, startTestNode, testAdmin, testEngines, waitFor } from './_util.js';

// A sending node is killed with SIGKILL (or stopped with SIGTERM) in the middle of a batch
// of 1,000 messages, then restarted from its data folder: the receiver processes every
// message exactly once. A SIGTERM stop leaves no lease behind.

const COUNT = 1000;
const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const fixture = new URL('./fixtures/delivery-sender.ts', import.meta.url).pathname;
const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void>> = [];

after(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const clean of cleanups) await clean();
});

function startSender(
  dataDir: string,
  databaseUrl: string | null,
  mode: 'enqueue' | 'resume',
  partnerCard: string,
) {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, mode, String(COUNT)], {
    env: {
      ...env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
      PARTNER_CARD: partnerCard,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const w of waiters.splice(0)) w();
  });
  const line = (prefix: string, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      const timer = setTimeout(() => reject(new Error(`sender did not print "${prefix}"`)), timeoutMs);
      check();
    });
  return { child, line };
}

for (const [engine, signal] of (await testEngines()).flatMap((e) =>
  (['SIGKILL', 'SIGTERM'] as const).map((s) => [e, s] as const),
)) {
  test(
    `${signal} in the middle of 1,000 messages, restart: all processed exactly once (${engine})`,
    // The killed process's leases are taken back at once: on PGlite the restart releases
    // them; on PostgreSQL its presence lock went with its connection (no 60 s lease wait).
    { timeout: 300_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-sender-'));
      const senderDb = engine === 'postgres' ? await createTestDatabase('postgres') : null;
      const databaseUrl =
        senderDb && senderDb.config.kind === 'postgres' ? senderDb.config.url.reveal() : null;
      const receiver = await startTestNode({ id: 'pk-fia', country: 'PK', engine });
      cleanups.push(async () => {
        await receiver.destroy();
        await senderDb?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const calls = new Map<number, number>();
      // Once 150 messages have been handled, every handler waits (its transaction open) until
      // the sender has been killed: the kill lands mid-delivery however fast delivery runs.
      let gate: Promise<void> | null = null;
      let openGate = () => {};
      receiver.ctx.federation.setHandler('test.note', async (_tx, msg) => {
        const seq = (msg.payload as { seq: number }).seq;
        calls.set(seq, (calls.get(seq) ?? 0) + 1);
        if (!gate && calls.size >= 150)
          gate = new Promise<void>((resolve) => {
            openGate = resolve;
          });
        if (gate) await gate;
      });
      await initNode({
        dataDir,
        identity: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: 'http://127.0.0.1:1' },
        passphrase: new Secret('test-passphrase-not-secret'),
      });
      const receiverCard = (await receiver.ctx.federation.ownCard()).cardJws;
      const first = startSender(dataDir, databaseUrl, 'enqueue', receiverCard);
      const senderCard = (await first.line('card ')).slice('card '.length);
      const partner = await receiver.ctx.federation.importPartner(admin, { cardJws: senderCard });
      await receiver.ctx.federation.verifyPartner(admin, partner.nodeId, partner.fingerprint.numeric);
      // Kill it once deliveries are well under way but far from finished.
      await first.line('enqueued', 120_000);
      await waitFor(() => gate !== null, 120_000, 'first deliveries');
      const exited = new Promise<number | null>((r) => first.child.once('exit', (code) => r(code)));
      first.child.kill(signal);
      // A graceful stop finishes what it is sending: let the held handlers go on at once.
      if (signal === 'SIGTERM') openGate();
      const code = await exited;
      openGate();
      const atKill = await countInbox(receiver.ctx.db);
      assert.ok(atKill < COUNT, `killed too late (${atKill} delivered)`);
      if (signal === 'SIGTERM') {
        assert.equal(code, 0, 'a SIGTERM stop exits 0');
        // The stopped worker finished what it was sending and handed back the rest of its
        // batch: nothing waits for a lease to run out, whichever process looks next.
        const senderDatabase = await openDatabase(
          databaseUrl
            ? { kind: 'postgres', url: new Secret(databaseUrl) }
            : { kind: 'pglite', dir: join(dataDir, dataFiles.db) },
          { migrate: false },
        );
        try {
          const leased = await senderDatabase.db
            .selectFrom('outbox')
            .select(['id', 'status', 'locked_until'])
            .where('locked_until', 'is not', null)
            .where('status', '=', 'sending')
            .execute();
          assert.deepEqual(leased, [], 'no lease left by a SIGTERM stop');
        } finally {
          await senderDatabase.close();
        }
      }

      const second = startSender(dataDir, databaseUrl, 'resume', receiverCard);
      await second.line('done', 240_000);
      await new Promise((r) => second.child.once('exit', r));
      assert.equal(await countInbox(receiver.ctx.db, 'ma-dgsn'), COUNT);
      assert.equal(calls.size, COUNT);
      const twice = [...calls.entries()].filter(([, n]) => n !== 1);
      assert.deepEqual(twice, [], 'no message processed twice');
    },
  );
}
