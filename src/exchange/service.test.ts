import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase, testEngines } from '../../test/_util.js';
import { AccessService, type Actor } from '../governance/index.js';
import {
  ApiError,
  createLogger,
  type Database,
  FolderBlobStore,
  listAuditEntries,
  ManualClock,
  systemRandom,
  ValidationError,
} from '../platform/index.js';
import { AttachmentVault, deriveAttachmentKek } from './attachments.js';
import { createExchangeHandlers } from './handlers.js';
import { ExchangeService } from './service.js';
import type { ExchangeTransport } from './transport.js';

const DAY = 86_400_000;
const liaison: Actor = {
  userId: '00000000-0000-4000-8000-0000000000a1',
  username: 'lina',
  displayName: 'Lina',
  roles: ['liaison'],
  via: 'token',
};
const viewer: Actor = {
  userId: '00000000-0000-4000-8000-0000000000a2',
  username: 'vic',
  displayName: 'Vic',
  roles: ['viewer'],
  via: 'token',
};

function content(clock: ManualClock, subject: string) {
  const now = clock.now().getTime();
  return {
    subject,
    body: 'Body text',
    language: 'en',
    crimeAreas: ['trafficking_in_persons'],
    priority: 'routine',
    handlingCode: 'H0',
    tlp: 'GREEN',
    evaluation: { sourceReliability: 'A', informationAccuracy: 1 },
    legalBasis: 'Agreement art. 3',
    purpose: 'Identification of victims',
    retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
  };
}

for (const engine of await testEngines()) {
  describe(`exchange service rules (${engine})`, () => {
    const clock = new ManualClock('2026-05-04T08:00:00.000Z');
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-exchange-'));
    let database: Database & { drop(): Promise<void> };
    let service: ExchangeService;
    let handlers: ReturnType<typeof createExchangeHandlers>;
    const sent: Array<{ id: string; recipient: string; type: string; payload: any }> = [];
    const verified = new Set(['pk-fia', 'xx-other']);

    before(async () => {
      database = await openTestDatabase(engine);
      const transport: ExchangeTransport = {
        enqueue: async (_tx, msg) => {
          if (!verified.has(msg.recipient)) {
            throw new ApiError(409, 'partner_not_verified', `${msg.recipient} is not a verified partner`);
          }
          sent.push(msg as (typeof sent)[number]);
          return { id: msg.id, createdAt: clock.now() };
        },
        deliveryStatus: async () => new Map(),
        fetchFromPartner: async () => new Response(null, { status: 404 }),
        authenticatePartner: async () => ({
          ok: false,
          status: 401,
          code: 'bad_http_signature',
          message: 'no',
        }),
      };
      service = new ExchangeService({
        db: database.db,
        clock,
        random: systemRandom,
        logger: createLogger({ level: 'silent' }),
        nodeId: 'ma-dgsn',
        transport,
        access: new AccessService({ db: database.db, clock }),
        vault: new AttachmentVault({
          store: new FolderBlobStore(dir),
          ...deriveAttachmentKek(randomBytes(32)),
        }),
      });
      handlers = createExchangeHandlers(service);
    });
    after(async () => {
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Delivers a message to this node as partner `sender` would, in one transaction. */
    function receive(sender: string, message: Record<string, unknown>, transferKeys = {}) {
      return database.db.transaction().execute((tx) =>
        handlers[message.type as string]!(tx, {
          id: message.id as string,
          sender,
          recipient: 'ma-dgsn',
          type: message.type as string,
          createdAt: new Date(message.createdAt as string),
          receivedAt: clock.now(),
          payload: { message, transferKeys },
        }),
      );
    }

    function incoming(type: string, extra: Record<string, unknown> = {}) {
      const id = service.newId();
      return {
        schemaVersion: 1,
        id,
        createdAt: clock.now().toISOString(),
        conversationId: id,
        type,
        ...content(clock, `incoming ${type}`),
        ...extra,
      };
    }

    test('only roles holding message.send may send; the payload repeats the envelope id', async () => {
      const message = { type: 'info', ...content(clock, 'Spontaneous information') };
      await assert.rejects(service.send(viewer, { recipient: 'pk-fia', message }), { status: 403 });
      const summary = await service.send(liaison, { recipient: 'pk-fia', message });
      const queued = sent.at(-1)!;
      assert.equal(queued.id, summary.id);
      assert.equal(queued.payload.message.id, summary.id);
      assert.equal(queued.payload.message.schemaVersion, 1);
      assert.deepEqual(queued.payload.transferKeys, {});
      const [audit] = await listAuditEntries(database.db, { action: 'message.send' });
      assert.equal(audit?.subject, `message:${summary.id}`);
      assert.equal(audit?.actor, 'user:lina');
    });

    test('a refused enqueue rolls back the message and its audit entry', async () => {
      const before = (await service.list(liaison, {})).length;
      const audits = (await listAuditEntries(database.db, { action: 'message.send' })).length;
      await assert.rejects(
        service.send(liaison, {
          recipient: 'zz-unpaired',
          message: { type: 'info', ...content(clock, 'x') },
        }),
        { code: 'partner_not_verified' },
      );
      assert.equal((await service.list(liaison, {})).length, before);
      assert.equal((await listAuditEntries(database.db, { action: 'message.send' })).length, audits);
    });

    test('a reply must answer a request received from the same partner', async () => {
      const rfi = incoming('rfi', { deadline: new Date(clock.now().getTime() + DAY).toISOString() });
      await receive('pk-fia', rfi);
      const reply = { type: 'reply', inReplyTo: rfi.id, ...content(clock, 'Re') };
      await assert.rejects(
        service.send(liaison, { recipient: 'xx-other', message: reply }),
        (err: ValidationError) => {
          assert.equal((err.details as { issues: { path: string }[] }).issues[0]?.path, 'message.inReplyTo');
          return true;
        },
      );
      const ok = await service.send(liaison, { recipient: 'pk-fia', message: reply });
      assert.equal(ok.conversationId, rfi.conversationId);
      const detail = await service.get(liaison, rfi.id);
      assert.equal(detail.status, 'answered');
      assert.equal(detail.overdue, false);
    });

    test('an incoming message is refused when inconsistent with its envelope or another partner’s thread', async () => {
      const info = incoming('info');
      await receive('pk-fia', info);
      // Another partner may not write into pk-fia's conversation.
      await assert.rejects(
        receive('xx-other', incoming('info', { conversationId: info.conversationId })),
        ValidationError,
      );
      // Nor refer to a message it never exchanged with this node.
      const stray = incoming('ack', { inReplyTo: info.id, status: 'read' });
      for (const k of ['subject', 'body', 'crimeAreas', 'priority', 'handlingCode', 'tlp', 'evaluation']) {
        delete (stray as Record<string, unknown>)[k];
      }
      for (const k of ['legalBasis', 'purpose', 'retentionReviewDate'])
        delete (stray as Record<string, unknown>)[k];
      await assert.rejects(receive('xx-other', stray), ValidationError);
      // A transfer key must name an attachment of the message.
      await assert.rejects(
        receive('pk-fia', incoming('info'), { '01947a6e-8c2b-7d4e-9f10-000000000009': 'A'.repeat(43) }),
        (err: Error) => {
          assert.ok(err instanceof ValidationError);
          assert.match(err.message, /transfer key names no attachment/);
          return true;
        },
      );
      // The payload's id must be the envelope's.
      const mismatched = incoming('info');
      await assert.rejects(
        database.db.transaction().execute((tx) =>
          handlers.info!(tx, {
            id: service.newId(),
            sender: 'pk-fia',
            recipient: 'ma-dgsn',
            type: 'info',
            createdAt: clock.now(),
            receivedAt: clock.now(),
            payload: { message: mismatched, transferKeys: {} },
          }),
        ),
        ValidationError,
      );
      // An attachment without its transfer key cannot be fetched: refused.
      const withFile = incoming('info', {
        attachments: [
          {
            id: service.newId(),
            name: 'a.pdf',
            mediaType: 'application/pdf',
            size: 10,
            sha256: 'a'.repeat(64),
          },
        ],
      });
      await assert.rejects(receive('pk-fia', withFile), ValidationError);
    });

    test('acknowledging sends an ack to the partner; declining needs a reason', async () => {
      const rfi = incoming('rfi', { deadline: new Date(clock.now().getTime() + DAY).toISOString() });
      await receive('pk-fia', rfi);
      clock.advance(2 * DAY);
      assert.equal((await service.get(liaison, rfi.id)).overdue, true);
      await assert.rejects(service.ack(liaison, rfi.id, { status: 'declined' }), ValidationError);
      await assert.rejects(service.ack(viewer, rfi.id, { status: 'read' }), { status: 403 });
      const read = await service.ack(liaison, rfi.id, { status: 'read' });
      assert.equal(read.ackStatus, 'read');
      assert.equal(sent.at(-1)?.type, 'ack');
      assert.equal(sent.at(-1)?.payload.message.inReplyTo, rfi.id);
      const declined = await service.ack(liaison, rfi.id, { status: 'declined', reason: 'Not in our remit' });
      assert.equal(declined.ackStatus, 'declined');
      assert.equal(declined.overdue, false);
      const dashboard = await service.dashboard(liaison);
      assert.equal(dashboard.requestsOverdue, 0);
    });

    test('an incoming alert counts as unread until an officer who acts on it opens it, not a viewer', async () => {
      const alert = incoming('alert', {
        alertKind: 'threat_warning',
      });
      await receive('pk-fia', alert);
      assert.equal((await service.dashboard(liaison)).alertsUnread, 1);
      await service.get(viewer, alert.id);
      assert.equal(
        (await service.dashboard(liaison)).alertsUnread,
        1,
        'a viewer reading does not mark it read',
      );
      await service.get(liaison, alert.id);
      assert.equal((await service.dashboard(liaison)).alertsUnread, 0);
      const reads = await listAuditEntries(database.db, {
        action: 'message.read',
        subject: `message:${alert.id}`,
      });
      assert.deepEqual(reads.map((r) => r.actor).sort(), ['user:lina', 'user:vic']);
    });
  });
}
