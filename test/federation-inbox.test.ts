import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  computeFingerprint,
  countInbox,
  createNodeCard,
  createRevocation,
  FederationRefusal,
  FederationService,
  type InboxRequest,
  NODE_CARD_TYP,
  sealEnvelope,
  signRequest,
  systemRandomBytes,
} from '../src/federation/index.js';
import { signStatement } from '../src/federation/signed-statement.js';
import {
  type Clock,
  createLogger,
  generateNodeKeys,
  listAuditEntries,
  type NodeKeys,
  systemClock,
  systemRandom,
  ValidationError,
} from '../src/platform/index.js';
import { openTestDatabase, testAdmin, testEngines } from './_util.js';

// Hostile input for the inbox, through FederationService.receive(): every refusal carries
// its specific code, stores nothing and leaves an audit entry.

const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const ENDPOINT = 'http://pk-fia.test';
const INBOX = `${ENDPOINT}/federation/v1/inbox`;
const receiverKeys = generateNodeKeys();

interface Sender {
  nodeId: string;
  keys: NodeKeys;
}

async function cardOf(s: Sender) {
  const now = Date.now();
  return createNodeCard(
    {
      nodeId: s.nodeId,
      agency: `Agency ${s.nodeId}`,
      country: 'MA',
      endpoint: `http://${s.nodeId}.test`,
      validFrom: new Date(now - 3600_000),
      validUntil: new Date(now + 86400_000),
    },
    s.keys,
  );
}

async function envelope(
  s: Sender,
  o: { type?: string; payload?: unknown; id?: string; clock?: Clock; signWith?: NodeKeys } = {},
) {
  const signer = o.signWith ?? s.keys;
  return sealEnvelope({
    ...(o.id ? { id: o.id } : {}),
    sender: {
      nodeId: s.nodeId,
      signingKey: { privateKey: signer.signing.privateKey, kid: s.keys.signing.publicJwk.kid },
    },
    recipient: { nodeId: 'pk-fia', encryptionKey: receiverKeys.encryption.publicJwk },
    type: o.type ?? 'test.note',
    payload: o.payload ?? { text: 'hello' },
    clock: o.clock ?? systemClock,
    random: systemRandomBytes,
  });
}

function request(s: Sender, body: string, o: { signWith?: NodeKeys; url?: string } = {}): InboxRequest {
  const headers: Record<string, string> = { 'content-type': 'application/jose' };
  const key = o.signWith ?? s.keys;
  const sig = signRequest(
    { method: 'POST', url: o.url ?? INBOX, headers, body },
    { privateKey: key.signing.privateKey, kid: s.keys.signing.publicJwk.kid },
    { clock: systemClock },
  );
  return { method: 'POST', url: INBOX, headers: { ...headers, ...sig }, body };
}

/** The service's answer in its wire form: a receipt (200) or a refusal. */
async function receive(
  service: FederationService,
  req: InboxRequest,
): Promise<{ status: number; body: unknown }> {
  try {
    return { status: 200, body: await service.receive(req) };
  } catch (err) {
    if (err instanceof FederationRefusal) return { status: err.status, body: err.toBody() };
    throw err;
  }
}

function errorCode(res: { body: unknown }): string | undefined {
  return (res.body as { error?: { code?: string } }).error?.code;
}

for (const engine of await testEngines()) {
  describe(`federation inbox refusals (${engine})`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let service: FederationService;
    let handled = 0;
    const rabat: Sender = { nodeId: 'ma-dgsn', keys: generateNodeKeys() };
    const pending: Sender = { nodeId: 'dz-dgsn', keys: generateNodeKeys() };
    const revoked: Sender = { nodeId: 'tn-dgsn', keys: generateNodeKeys() };
    const stranger: Sender = { nodeId: 'xx-evil', keys: generateNodeKeys() };

    before(async () => {
      database = await openTestDatabase(engine);
      service = new FederationService({
        db: database.db,
        clock: systemClock,
        random: systemRandom,
        logger: createLogger({ level: 'silent' }),
        node: { id: 'pk-fia', agency: 'FIA', country: 'PK', endpoint: ENDPOINT },
        keys: receiverKeys,
        handlers: {
          'test.note': async (_tx, msg) => {
            if ((msg.payload as { invalid?: boolean }).invalid) throw new ValidationError('schema violation');
            handled++;
          },
        },
      });
      for (const s of [rabat, pending, revoked]) {
        const { cardJws } = await cardOf(s);
        await service.importPartner(admin, { cardJws });
      }
      for (const s of [rabat, revoked]) {
        const fp = computeFingerprint({
          signingKey: s.keys.signing.publicJwk,
          encryptionKey: s.keys.encryption.publicJwk,
        });
        await service.verifyPartner(admin, s.nodeId, fp.text);
      }
      await service.revokePartner(admin, revoked.nodeId, 'test');
    });
    after(async () => {
      await database?.drop();
    });

    async function expectRefused(req: InboxRequest, status: number, code: string, reason?: string) {
      const inboxBefore = await countInbox(database.db);
      const handledBefore = handled;
      const refusalsBefore = (
        await listAuditEntries(database.db, { action: 'federation.inbox.refuse', limit: 1000 })
      ).length;
      const res = await receive(service, req);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(errorCode(res), code);
      if (reason) assert.equal((res.body as { error: { reason?: string } }).error.reason, reason);
      assert.equal(await countInbox(database.db), inboxBefore, 'nothing stored');
      assert.equal(handled, handledBefore, 'handler not run');
      const refusals = await listAuditEntries(database.db, {
        action: 'federation.inbox.refuse',
        limit: 1000,
      });
      assert.equal(refusals.length, refusalsBefore + 1, 'one audit entry');
      assert.equal(refusals[0]?.detail.code, code);
    }

    test('card import refuses an endpoint ending in /federation/v1 or "/", and an unassigned country', async () => {
      const keys = generateNodeKeys();
      const { card } = await cardOf({ nodeId: 'eg-moi', keys });
      for (const [edit, member] of [
        [{ endpoint: 'http://eg-moi.test/federation/v1' }, 'endpoint'],
        [{ endpoint: 'http://eg-moi.test/' }, 'endpoint'],
        [{ country: 'ZZ' }, 'country'],
      ] as const) {
        const cardJws = await signStatement(
          { ...card, ...edit },
          { typ: NODE_CARD_TYP, kid: card.signingKey.kid },
          keys.signing.privateKey,
        );
        await assert.rejects(service.importPartner(admin, { cardJws }), (err: Error & { code?: string }) => {
          assert.equal(err.code, 'invalid_card');
          assert.match(err.message, new RegExp(`invalidCard \\(${member}: `));
          return true;
        });
      }
      assert.equal(
        (await service.listPartners(admin)).some((p) => p.nodeId === 'eg-moi'),
        false,
      );
    });

    test('a genuine envelope is accepted once; a replay gets the original receipt', async () => {
      const env = await envelope(rabat);
      const first = await receive(service, request(rabat, env.jwe));
      assert.equal(first.status, 200);
      const again = await receive(service, request(rabat, env.jwe));
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      // The same id re-sealed (a sender retry) is also answered with the original receipt.
      const resealed = await envelope(rabat, { id: env.id });
      const third = await receive(service, request(rabat, resealed.jwe));
      assert.deepEqual(third.body, first.body);
      assert.equal(handled, 1);
      assert.equal(await countInbox(database.db, 'ma-dgsn'), 1);
    });

    test('tampered ciphertext', async () => {
      const env = await envelope(rabat);
      const parts = env.jwe.split('.');
      const ct = parts[3]!;
      const i = Math.floor(ct.length / 2);
      parts[3] = ct.slice(0, i) + (ct[i] === 'A' ? 'B' : 'A') + ct.slice(i + 1);
      await expectRefused(request(rabat, parts.join('.')), 400, 'bad_envelope', 'decryptFailed');
    });

    test('wrong inner signature', async () => {
      const env = await envelope(rabat, { signWith: stranger.keys });
      await expectRefused(request(rabat, env.jwe), 400, 'bad_envelope', 'badSignature');
    });

    test('unknown, unverified and revoked senders', async () => {
      await expectRefused(request(stranger, (await envelope(stranger)).jwe), 403, 'unknown_partner');
      await expectRefused(request(pending, (await envelope(pending)).jwe), 403, 'partner_not_verified');
      await expectRefused(request(revoked, (await envelope(revoked)).jwe), 403, 'partner_revoked');
    });

    test('expired envelope (older than the replay window)', async () => {
      const old = { now: () => new Date(Date.now() - 25 * 3600_000) };
      await expectRefused(request(rabat, (await envelope(rabat, { clock: old })).jwe), 400, 'expired');
    });

    test('bad HTTP signature: wrong key, wrong target, missing', async () => {
      const env = await envelope(rabat);
      await expectRefused(
        request(rabat, env.jwe, { signWith: stranger.keys }),
        401,
        'bad_http_signature',
        'badSignature',
      );
      await expectRefused(
        request(rabat, env.jwe, { url: 'http://elsewhere.test/federation/v1/inbox' }),
        401,
        'bad_http_signature',
      );
      await expectRefused(
        { method: 'POST', url: INBOX, headers: { 'content-type': 'application/jose' }, body: env.jwe },
        401,
        'bad_http_signature',
        'missingSignature',
      );
      // Body swapped after signing: the RFC 9530 digest no longer matches.
      const other = await envelope(rabat);
      const signed = request(rabat, env.jwe);
      await expectRefused({ ...signed, body: other.jwe }, 401, 'bad_http_signature', 'digestMismatch');
    });

    test('oversized body, malformed JSON and garbage', async () => {
      const big = 'A'.repeat(4 * 1024 * 1024 + 10);
      await expectRefused({ method: 'POST', url: INBOX, headers: {}, body: big }, 413, 'payload_too_large');
      await expectRefused(
        { method: 'POST', url: INBOX, headers: {}, body: '{"not":"a jwe"' },
        400,
        'bad_envelope',
        'malformed',
      );
      // A JWE-shaped body whose protected header is not JSON.
      const notJson = `${Buffer.from('{oops').toString('base64url')}.AA.AA.AA.AA`;
      await expectRefused(
        { method: 'POST', url: INBOX, headers: {}, body: notJson },
        400,
        'bad_envelope',
        'malformed',
      );
    });

    test('schema violation refused by the handler, unknown type refused', async () => {
      await expectRefused(
        request(rabat, (await envelope(rabat, { payload: { invalid: true } })).jwe),
        422,
        'invalid_message',
      );
      await expectRefused(request(rabat, (await envelope(rabat, { type: 'nope' })).jwe), 422, 'unknown_type');
    });

    test('a partner revocation statement is accepted; a forged one refused', async () => {
      const forged = await createRevocation({
        card: (await cardOf(rabat)).card,
        signingKey: stranger.keys.signing.privateKey,
        reason: 'keyCompromise',
        clock: systemClock,
      });
      await assert.rejects(service.acceptRevocation(forged.revocationJws), { status: 400 });
      const [p] = (await service.listPartners(admin)).filter((x) => x.nodeId === 'ma-dgsn');
      assert.equal(p?.status, 'verified');
    });
    // The 10,000-request fuzz runs over HTTP, with the router and limits: test/inbox-fuzz-http.test.ts.
  });
}
