import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { initNode } from '../src/app/init-node.js';
import { Secret } from '../src/platform/index.js';
import { startTestNode, type TestNode, testAdmin, waitFor } from './_util.js';

// The RECEIVING node is killed with SIGKILL while a batch of 1,000 messages arrives, then
// restarted from its data folder on the same address: every message is processed exactly
// once (by counts on both sides), whatever was in flight when it died.

const COUNT = 1000;
const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const fixture = new URL('./fixtures/delivery-receiver.ts', import.meta.url).pathname;
const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void>> = [];

after(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const clean of cleanups) await clean();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startReceiver(dataDir: string, port: number, partnerCard: string) {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], {
    env: {
      ...env,
      PASSERELLE_KEY_PASSPHRASE: 'test-passphrase-not-secret',
      PASSERELLE_PORT: String(port),
      PARTNER_CARD: partnerCard,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let card: string | null = null;
  let counts = { inbox: 0, handled: 0, distinct: 0 };
  createInterface({ input: child.stdout! }).on('line', (l) => {
    if (l.startsWith('card ')) card = l.slice('card '.length);
    const m = /^count (\d+) (\d+) (\d+)$/.exec(l);
    if (m) counts = { inbox: Number(m[1]), handled: Number(m[2]), distinct: Number(m[3]) };
  });
  return { child, card: () => card, counts: () => counts };
}

test(
  'SIGKILL of the receiver in the middle of 1,000 messages, restart: all processed exactly once',
  { timeout: 300_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-receiver-'));
    const port = await freePort();
    const sender: TestNode = await startTestNode({ id: 'ma-dgsn' });
    cleanups.push(async () => {
      await sender.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });
    await initNode({
      dataDir,
      identity: { id: 'pk-fia', agency: 'FIA', country: 'PK', endpoint: `http://127.0.0.1:${port}` },
      http: { host: '127.0.0.1', port },
      passphrase: new Secret('test-passphrase-not-secret'),
    });
    const senderCard = (await sender.ctx.federation.ownCard()).cardJws;
    const first = startReceiver(dataDir, port, senderCard);
    await waitFor(() => first.card() !== null, 60_000, 'receiver card');
    const partner = await sender.ctx.federation.importPartner(admin, { cardJws: first.card()! });
    await sender.ctx.federation.verifyPartner(admin, partner.nodeId, partner.fingerprint.numeric);

    for (let i = 0; i < COUNT; i += 50) {
      await sender.ctx.db.transaction().execute(async (tx) => {
        for (let j = i; j < Math.min(i + 50, COUNT); j++)
          await sender.ctx.federation.enqueue(tx, {
            recipient: 'pk-fia',
            type: 'test.note',
            payload: { seq: j },
          });
      });
    }
    // Kill it once deliveries are well under way but far from finished.
    await waitFor(() => first.counts().inbox >= 150, 120_000, 'first deliveries');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const atKill = first.counts().inbox;
    assert.ok(atKill < COUNT, `killed too late (${atKill} received)`);

    const second = startReceiver(dataDir, port, senderCard);
    const delivered = async () =>
      (await sender.ctx.db.selectFrom('outbox').select('id').where('status', '=', 'delivered').execute())
        .length;
    await waitFor(async () => (await delivered()) === COUNT, 240_000, 'every message delivered');
    await waitFor(() => second.counts().inbox === COUNT, 10_000, 'receiver counts');
    const c = second.counts();
    assert.deepEqual(
      c,
      { inbox: COUNT, handled: COUNT, distinct: COUNT },
      'each message handled exactly once',
    );
    second.child.kill('SIGTERM');
  },
);
