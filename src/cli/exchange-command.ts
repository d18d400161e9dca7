import { randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { MessageSummary } from '../exchange/index.js';
import { ApiCallError, type ApiTarget, apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const sendHelp = `Usage: passerelle send --to NODE --type rfi|info|alert|reply [options]

Sends an operational message to a verified partner through the node's API.

  --to NODE            partner node id, e.g. pk-fia
  --type TYPE          rfi, info, alert or reply
  --subject TEXT       subject line
  --body TEXT          message text
  --file FILE          message fields as JSON (flags given on the command line win)
  --priority P         routine (default), high, urgent, threat_to_life
  --deadline WHEN      rfi deadline: ISO date-time or a delay such as 7d or 36h
  --crime-area AREA    repeatable, e.g. migrant_smuggling (default other)
  --handling CODE      H0 (default), H1, H2, H3 (H3 needs --restriction)
  --restriction TEXT   handling restriction of H3
  --tlp LABEL          CLEAR, GREEN, AMBER (default), AMBER+STRICT, RED
  --to-unit UNIT       unit of the partner the message is for (need-to-know)
  --to-officer NAME    repeatable: officer of the partner it is for by name (TLP:RED requires one)
  --source R           source reliability A, B, C, X (default X)
  --accuracy N         information accuracy 1–4 (default 4)
  --legal-basis TEXT   legal basis of the transfer
  --purpose TEXT       purpose the information may be used for
  --language TAG       language of the body (default en)
  --in-reply-to ID     message answered (required for a reply)
  --alert-kind KIND    missing_person, unidentified_body, wanted, threat_warning, modus_operandi
  --retention DATE     retention review date (default one year from today)
  --attach FILE        repeatable: upload the file and attach it
  --url URL            node API (default PASSERELLE_URL or http://127.0.0.1:7410)
  --token TOKEN        API token (default PASSERELLE_TOKEN)`;

export const inboxHelp = `Usage: passerelle inbox [--overdue] [--partner NODE] [--type T] [--direction in|out] [--json]

Lists messages, newest first, through the node's API.

  --overdue          only requests past their deadline without a reply
  --partner NODE     only messages with this partner
  --type T           rfi, reply, info, alert, ack
  --direction D      in (received) or out (sent)
  --search TEXT      words in the subject
  --limit N          at most N messages (default 50)
  --json             print the API's JSON
  --url, --token     as for send`;

const DELAY = /^(\d+)([dhm])$/;

/** A deadline as given on the command line: an ISO instant or a delay from now. */
export function parseDeadline(value: string, now: Date): string {
  const m = DELAY.exec(value);
  if (m) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
    return new Date(now.getTime() + Number(m[1]) * unit).toISOString();
  }
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new UsageError(`--deadline: "${value}" is neither a date-time nor a delay like 7d`);
  return new Date(t).toISOString();
}

/** Uploads a file, streamed, and returns its attachment id. */
async function upload(target: ApiTarget, path: string): Promise<string> {
  const size = statSync(path).size;
  const res = await fetch(`${target.url}/api/v1/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': 'application/octet-stream',
      'content-length': String(size),
      'x-filename': encodeURIComponent(basename(path)),
    },
    body: Readable.toWeb(createReadStream(path)) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const json = (await res.json().catch(() => null)) as {
    attachment?: { id: string };
    error?: { code: string; message: string };
  } | null;
  if (!res.ok || !json?.attachment) {
    throw new ApiCallError(
      res.status,
      json?.error?.code ?? 'http_error',
      `${path}: ${json?.error?.message ?? res.status}`,
    );
  }
  return json.attachment.id;
}

function printIssues(io: CliIo, err: ApiCallError): void {
  const issues = (err.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  if (!issues) return;
  for (const i of issues) io.stderr.write(`  ${i.path}: ${i.message}\n`);
}

/** `passerelle send`: composes a message from flags (and an optional JSON file) and sends it. */
export async function runSend(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      to: { type: 'string' },
      type: { type: 'string' },
      subject: { type: 'string' },
      body: { type: 'string' },
      file: { type: 'string' },
      priority: { type: 'string' },
      deadline: { type: 'string' },
      'crime-area': { type: 'string', multiple: true },
      handling: { type: 'string' },
      restriction: { type: 'string' },
      'to-unit': { type: 'string' },
      'to-officer': { type: 'string', multiple: true },
      tlp: { type: 'string' },
      source: { type: 'string' },
      accuracy: { type: 'string' },
      'legal-basis': { type: 'string' },
      purpose: { type: 'string' },
      language: { type: 'string' },
      'in-reply-to': { type: 'string' },
      'alert-kind': { type: 'string' },
      retention: { type: 'string' },
      attach: { type: 'string', multiple: true },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (!values.to) throw new UsageError('--to is required (see passerelle send --help)');
  let fromFile: Record<string, unknown> = {};
  if (values.file) {
    try {
      fromFile = JSON.parse(readFileSync(resolve(io.cwd, values.file), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new UsageError(`--file: ${(err as Error).message}`);
    }
    if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
      throw new UsageError('--file must hold a JSON object of message fields');
    }
  }
  const now = new Date();
  const type = values.type ?? (fromFile.type as string | undefined);
  if (!type) throw new UsageError('--type is required: rfi, info, alert or reply');
  const defaults: Record<string, unknown> = {
    language: 'en',
    priority: 'routine',
    crimeAreas: ['other'],
    handlingCode: 'H0',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'X', informationAccuracy: 4 },
    retentionReviewDate: new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
  };
  const flags: Record<string, unknown> = {
    type,
    ...(values.subject !== undefined ? { subject: values.subject } : {}),
    ...(values.body !== undefined ? { body: values.body } : {}),
    ...(values.priority !== undefined ? { priority: values.priority } : {}),
    ...(values.deadline !== undefined ? { deadline: parseDeadline(values.deadline, now) } : {}),
    ...(values['crime-area'] ? { crimeAreas: values['crime-area'] } : {}),
    ...(values.handling !== undefined ? { handlingCode: values.handling.toUpperCase() } : {}),
    ...(values.restriction !== undefined ? { handlingRestriction: values.restriction } : {}),
    ...(values['to-unit'] || values['to-officer']
      ? {
          addressedTo: {
            ...(values['to-unit'] ? { unit: values['to-unit'] } : {}),
            ...(values['to-officer'] ? { officers: values['to-officer'] } : {}),
          },
        }
      : {}),
    ...(values.tlp !== undefined ? { tlp: values.tlp.toUpperCase() } : {}),
    ...(values['legal-basis'] !== undefined ? { legalBasis: values['legal-basis'] } : {}),
    ...(values.purpose !== undefined ? { purpose: values.purpose } : {}),
    ...(values.language !== undefined ? { language: values.language } : {}),
    ...(values['in-reply-to'] !== undefined ? { inReplyTo: values['in-reply-to'] } : {}),
    ...(values['alert-kind'] !== undefined ? { alertKind: values['alert-kind'] } : {}),
    ...(values.retention !== undefined ? { retentionReviewDate: values.retention } : {}),
  };
  const evaluation = {
    ...(defaults.evaluation as object),
    ...((fromFile.evaluation as object | undefined) ?? {}),
    ...(values.source !== undefined ? { sourceReliability: values.source.toUpperCase() } : {}),
    ...(values.accuracy !== undefined ? { informationAccuracy: Number(values.accuracy) } : {}),
  };
  const target = apiTargetOf(values, io.env);
  const attachmentIds = [...((fromFile.attachmentIds as string[] | undefined) ?? [])];
  for (const path of values.attach ?? []) attachmentIds.push(await upload(target, resolve(io.cwd, path)));
  const message = {
    ...defaults,
    ...fromFile,
    ...flags,
    evaluation,
    ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
  };
  try {
    const m = await sendWithRetries(target, { recipient: values.to, message });
    println(
      io,
      `Sent ${m.type} ${m.id} to ${m.partner} (conversation ${m.conversationId}, delivery ${m.delivery?.status ?? 'unknown'})`,
    );
    return 0;
  } catch (err) {
    if (err instanceof ApiCallError && err.code === 'bad_request') {
      io.stderr.write(`passerelle send: ${err.message.split(':')[0]}\n`);
      printIssues(io, err);
      return 2;
    }
    throw err;
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** `passerelle inbox`: lists messages with the inbox filters. */
export async function runInbox(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      overdue: { type: 'boolean' },
      partner: { type: 'string' },
      type: { type: 'string' },
      direction: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const query = new URLSearchParams();
  if (values.overdue) query.set('overdue', 'true');
  if (values.partner) query.set('partner', values.partner);
  if (values.type) query.set('type', values.type);
  if (values.direction) query.set('direction', values.direction);
  if (values.search) query.set('q', values.search);
  if (values.limit) query.set('limit', values.limit);
  const target = apiTargetOf(values, io.env);
  const qs = query.toString();
  const res = await callApi<{ messages: MessageSummary[] }>(target, 'GET', `/messages${qs ? `?${qs}` : ''}`);
  if (values.json) {
    println(io, JSON.stringify(res, null, 2));
    return 0;
  }
  if (res.messages.length === 0) {
    println(io, 'No messages.');
    return 0;
  }
  println(
    io,
    `${pad('created (UTC)', 17)} ${pad('dir', 4)}${pad('partner', 12)}${pad('type', 6)}${pad('priority', 15)}${pad('state', 18)}subject`,
  );
  for (const m of res.messages) {
    const state = m.overdue
      ? 'OVERDUE'
      : m.ackStatus
        ? `${m.status}/${m.ackStatus}`
        : m.direction === 'out'
          ? `${m.status}/${m.delivery?.status ?? '?'}`
          : m.readAt
            ? m.status
            : `${m.status}/unread`;
    println(
      io,
      `${m.createdAt.slice(0, 16).replace('T', ' ')} ${pad(m.direction, 4)}${pad(m.partner, 12)}${pad(m.type, 6)}${pad(m.priority ?? '', 15)}${pad(state, 18)}${m.subject ?? ''}${m.hasAttachments ? ' [+]' : ''}`,
    );
  }
  return 0;
}

/** Attempts of a send while the node answers 503 or cannot be reached. */
const SEND_ATTEMPTS = 4;

/**
 * Sends under one Idempotency-Key, retrying while the node's database is briefly unavailable
 * (503, `Retry-After`) or the connection fails: a retry of a send that did arrive answers
 * the same message instead of sending it twice.
 */
async function sendWithRetries(target: ApiTarget, body: unknown): Promise<MessageSummary> {
  const key = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await callApi<{ message: MessageSummary }>(target, 'POST', '/messages', body, {
        'idempotency-key': key,
      });
      return res.message;
    } catch (err) {
      const transient =
        err instanceof ApiCallError && (err.code === 'database_unavailable' || err.code === 'network');
      if (!transient || attempt >= SEND_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  }
}
