import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PartnerView } from '../federation/index.js';
import { apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

/** Help of `passerelle partner`. */
export const partnerHelp = `Usage: passerelle partner <subcommand> [--url URL] [--token TOKEN]

Subcommands:
  card                               print this node's signed card (JSON) to give to a partner
  add <file|url>                     import a partner's card from a file (card JSON or compact JWS)
                                     or from its node URL (fetches <url>/federation/v1/card)
  verify <nodeId> <fingerprint>      confirm the fingerprint read out of band (phone, meeting)
  list                               partners, trust state, fingerprints and queues
  revoke <nodeId> --reason TEXT      stop all exchange with a partner

Talks to a running node through its API: --url/--token or PASSERELLE_URL/PASSERELLE_TOKEN.`;

function describe(p: PartnerView): string {
  return [
    `${p.nodeId}  ${p.status.toUpperCase()}  ${p.agency} (${p.country})  ${p.endpoint}`,
    `  fingerprint ${p.fingerprint.text}`,
    `              ${p.fingerprint.numeric}`,
    `  queued ${p.queued}  dead ${p.dead}  last delivery ${p.lastDeliveredAt ?? '-'}`,
  ].join('\n');
}

/** Reads a card argument: a file holding `{ cardJws }`, `{ card, cardJws }` or the bare JWS. */
function readCardFile(path: string): string {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as { cardJws?: unknown };
      if (typeof json.cardJws === 'string') return json.cardJws;
    } catch {
      // fall through
    }
    throw new UsageError(`${path}: expected JSON with a "cardJws" member or a compact JWS`);
  }
  return text;
}

/** `passerelle partner …`: partner administration through the node's HTTP API. */
export async function runPartner(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [sub, ...rest] = positionals;
  if (!sub) throw new UsageError(`missing subcommand\n\n${partnerHelp}`);
  const target = apiTargetOf(values, io.env);
  switch (sub) {
    case 'card': {
      const res = await callApi<{
        card: unknown;
        cardJws: string;
        fingerprint: { text: string; numeric: string };
      }>(target, 'GET', '/node/card');
      println(io, JSON.stringify(res, null, 2));
      return 0;
    }
    case 'add': {
      const source = rest[0];
      if (!source) throw new UsageError('partner add needs a card file or a node URL');
      const body = /^https?:\/\//.test(source)
        ? { url: source }
        : existsSync(resolve(io.cwd, source))
          ? { cardJws: readCardFile(resolve(io.cwd, source)) }
          : null;
      if (!body) throw new UsageError(`${source}: no such file`);
      const { partner } = await callApi<{ partner: PartnerView }>(target, 'POST', '/partners', body);
      println(io, describe(partner));
      println(io, '\nRead the fingerprint to the partner over the phone, then run:');
      println(io, `  passerelle partner verify ${partner.nodeId} <fingerprint>`);
      return 0;
    }
    case 'verify': {
      const [nodeId, ...fp] = rest;
      if (!nodeId || fp.length === 0) throw new UsageError('partner verify needs <nodeId> <fingerprint>');
      const { partner } = await callApi<{ partner: PartnerView }>(
        target,
        'POST',
        `/partners/${encodeURIComponent(nodeId)}/verify`,
        { fingerprint: fp.join(' ') },
      );
      println(io, describe(partner));
      return 0;
    }
    case 'list': {
      const { partners } = await callApi<{ partners: PartnerView[] }>(target, 'GET', '/partners');
      if (values.json) println(io, JSON.stringify(partners, null, 2));
      else if (partners.length === 0) println(io, 'No partners yet: passerelle partner add <file|url>');
      else println(io, partners.map(describe).join('\n\n'));
      return 0;
    }
    case 'revoke': {
      const nodeId = rest[0];
      if (!nodeId) throw new UsageError('partner revoke needs <nodeId>');
      if (!values.reason) throw new UsageError('partner revoke needs --reason TEXT');
      const { partner } = await callApi<{ partner: PartnerView }>(
        target,
        'POST',
        `/partners/${encodeURIComponent(nodeId)}/revoke`,
        { reason: values.reason },
      );
      println(io, describe(partner));
      return 0;
    }
    default:
      throw new UsageError(`unknown subcommand "${sub}"\n\n${partnerHelp}`);
  }
}

export const keysHelp = `Usage: passerelle keys rotate [--url URL] [--token TOKEN]

Rotates this node's signing and encryption keys: a new card, signed by the old key, is
pushed to every verified partner, which keeps trusting the node without a new fingerprint
check. Messages already queued are sealed with the new keys when they are sent; envelopes
sealed to the old encryption key still open. A partner that was unreachable receives the
statement again when it next refuses a delivery. Admin only.`;

/** `passerelle keys rotate`: key rotation through the node's HTTP API. */
export async function runKeys(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { url: { type: 'string' }, token: { type: 'string' } },
  });
  if (positionals[0] !== 'rotate') throw new UsageError(`expected "keys rotate"\n\n${keysHelp}`);
  const res = await callApi<{ fingerprint: string; pushed: Record<string, number> }>(
    apiTargetOf(values, io.env),
    'POST',
    '/node/rotate-keys',
  );
  println(io, `Keys rotated. New fingerprint: ${res.fingerprint}`);
  for (const [partner, status] of Object.entries(res.pushed)) {
    println(
      io,
      `  ${partner}: ${status === 200 ? 'accepted the new card' : `not reached (HTTP ${status}); it will be told again`}`,
    );
  }
  return 0;
}
