import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { initNode } from '../src/app/init-node.js';
import { countInbox } from '../src/federation/index.js';
import { Secret } from '../src/platform/index.js';
import { startTestNode, type TestNode, testAdmin, waitFor } from './_util.js';

// A sending node is killed with SIGKILL in the middle of a batch of 1,000 messages, then
// restarted from its data folder: the receiver processes every message exactly once.

const COUNT = 1000;
const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const fixture = new URL('./fixtures/delivery-sender.ts', import.meta.url).pathname;
const children = new Set<ChildProcess>();
let receiver: TestNode | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-sender-'));

after(async () => {
  for (const c of children) c.kill('SIGKILL');
  await receiver?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

function startSender(mode: 'enqueue' | 'resume', partnerCard: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, mode, String(COUNT)], {
    env: {
      ...process.env,
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

test(
  'SIGKILL in the middle of 1,000 messages, restart: all processed exactly once',
  { timeout: 240_000 },
  async () => {
    receiver = await startTestNode({ id: 'pk-fia', country: 'PK' });
    const calls = new Map<number, number>();
    receiver.ctx.federation.setHandler('test.note', async (_tx, msg) => {
      const seq = (msg.payload as { seq: number }).seq;
      calls.set(seq, (calls.get(seq) ?? 0) + 1);
    });
    await initNode({
      dataDir,
      identity: { id: 'ma-dgsn', agency: 'DGSN', country: 'MA', endpoint: 'http://127.0.0.1:1' },
      passphrase: new Secret('test-passphrase-not-secret'),
    });
    const receiverCard = (await receiver.ctx.federation.ownCard()).cardJws;
    const first = startSender('enqueue', receiverCard);
    const senderCard = (await first.line('card ')).slice('card '.length);
    const partner = await receiver.ctx.federation.importPartner(admin, { cardJws: senderCard });
    await receiver.ctx.federation.verifyPartner(admin, partner.nodeId, partner.fingerprint.numeric);
    // Kill it once deliveries are well under way but far from finished.
    await waitFor(async () => (await countInbox(receiver!.ctx.db)) >= 150, 120_000, 'first deliveries');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const atKill = await countInbox(receiver.ctx.db);
    assert.ok(atKill < COUNT, `killed too late (${atKill} delivered)`);

    const second = startSender('resume', receiverCard);
    await second.line('done', 180_000);
    await new Promise((r) => second.child.once('exit', r));
    assert.equal(await countInbox(receiver.ctx.db, 'ma-dgsn'), COUNT);
    assert.equal(calls.size, COUNT);
    const twice = [...calls.entries()].filter(([, n]) => n !== 1);
    assert.deepEqual(twice, [], 'no message processed twice');
  },
);
