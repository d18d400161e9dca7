import { parseArgs } from 'node:util';
import type { MessageSummary, RetentionDueView, ReviewItem } from '../exchange/index.js';
import type { BreakGlassView, SubjectReport } from '../governance/index.js';
import { apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const dpoHelp = `Usage: passerelle dpo <queue|approve|return|break-glass|review-access> [options]

The data-protection officer's work through the node's API (role dpo).

  queue                              outgoing messages awaiting review, with why
  approve ID [--note T]              approve a held message and send it (or record the
             [--redact-subject T]    review of one sent first under threat to life);
             [--redact-body T]       redactions replace the subject or body, or take out
             [--remove-entity EID]   entities and attachments (repeatable)
             [--remove-attachment AID]
  return ID --comment T              return a held message to its author; nothing leaves
  subject --reference R [--given G] [--family F] [--father P] [--full N]
                                     find everything held on a person, in any script
  retention [--scan]                 messages, DVI records and case documents due for review (--scan: list now)
  extend ID --until DATE --reason T  keep a message or record until a later review date
  purge ID --reason T                purge a message (the provider is told) or record
  break-glass                        emergency accesses not yet reviewed
  review-access ID --verdict justified|unjustified --note T
                                     judge an emergency access (unjustified ends it)

  --json             print the API's JSON
  --url, --token     node API and API token (PASSERELLE_URL, PASSERELLE_TOKEN)`;

function flagsText(m: MessageSummary): string {
  return (m.review?.flags ?? [])
    .map((f) =>
      f.kind === 'personal_data'
        ? `personal data (${(f.categories as string[]).join(', ')})`
        : `neutrality: ${String(f.category)} [${String(f.rule)}] "${String(f.excerpt)}"`,
    )
    .join('; ');
}

/** `passerelle dpo …`: the review queue, approvals, returns and break-glass reviews. */
export async function runDpo(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      url: { type: 'string' },
      token: { type: 'string' },
      note: { type: 'string' },
      comment: { type: 'string' },
      verdict: { type: 'string' },
      reference: { type: 'string' },
      reason: { type: 'string' },
      until: { type: 'string' },
      scan: { type: 'boolean' },
      given: { type: 'string' },
      family: { type: 'string' },
      father: { type: 'string' },
      full: { type: 'string' },
      'redact-subject': { type: 'string' },
      'redact-body': { type: 'string' },
      'remove-entity': { type: 'string', multiple: true },
      'remove-attachment': { type: 'string', multiple: true },
    },
  });
  const target = apiTargetOf(values, io.env);
  const id = positionals[0];
  const print = (value: unknown, text: () => void) => {
    if (values.json) println(io, JSON.stringify(value, null, 2));
    else text();
    return 0;
  };
  switch (sub) {
    case 'queue': {
      const res = await callApi<{ messages: ReviewItem[] }>(target, 'GET', '/reviews');
      return print(res, () => {
        if (res.messages.length === 0) return println(io, 'The review queue is empty.');
        for (const m of res.messages) {
          println(
            io,
            `${m.id}  ${m.review?.status ?? ''}  ${m.type} to ${m.partner} by ${m.createdBy ?? '?'}: ${m.subject ?? ''}`,
          );
          println(io, `    why: ${flagsText(m)}`);
        }
      });
    }
    case 'approve': {
      if (!id) throw new UsageError('dpo approve: give the message id');
      const redact = {
        ...(values['redact-subject'] ? { subject: values['redact-subject'] } : {}),
        ...(values['redact-body'] ? { body: values['redact-body'] } : {}),
        ...(values['remove-entity'] ? { removeEntityIds: values['remove-entity'] } : {}),
        ...(values['remove-attachment'] ? { removeAttachmentIds: values['remove-attachment'] } : {}),
      };
      const res = await callApi<{ message: MessageSummary }>(target, 'POST', `/reviews/${id}/approve`, {
        ...(values.note ? { note: values.note } : {}),
        ...(Object.keys(redact).length > 0 ? { redact } : {}),
      });
      return print(res, () => println(io, `${id}: ${res.message.review?.status} (${res.message.status}).`));
    }
    case 'return': {
      if (!id || !values.comment) throw new UsageError('dpo return: give the message id and --comment');
      const res = await callApi<{ message: MessageSummary }>(target, 'POST', `/reviews/${id}/return`, {
        comment: values.comment,
      });
      return print(res, () => println(io, `${id}: returned to its author.`));
    }
    case 'retention': {
      if (values.scan) await callApi(target, 'POST', '/retention/scan');
      const res = await callApi<{ messages: RetentionDueView[] }>(target, 'GET', '/retention/due');
      return print(res, () => {
        if (res.messages.length === 0) return println(io, 'Nothing is due for its retention review.');
        for (const m of res.messages)
          println(io, `${m.id}  due ${m.dueOn}  ${m.direction} ${m.partner} ${m.type}: ${m.subject ?? ''}`);
      });
    }
    case 'extend': {
      if (!id || !values.until || !values.reason)
        throw new UsageError('dpo extend: give the message id, --until DATE and --reason');
      await callApi(target, 'POST', `/retention/${id}/extend`, {
        until: values.until,
        reason: values.reason,
      });
      return print({ id, extendedUntil: values.until }, () =>
        println(io, `${id}: kept until ${values.until}.`),
      );
    }
    case 'purge': {
      if (!id || !values.reason) throw new UsageError('dpo purge: give the message id and --reason');
      await callApi(target, 'POST', `/retention/${id}/purge`, { reason: values.reason });
      return print({ id, purged: true }, () => println(io, `${id}: purged.`));
    }
    case 'subject': {
      const name = Object.fromEntries(
        (['given', 'family', 'father', 'full'] as const).filter((k) => values[k]).map((k) => [k, values[k]]),
      );
      if (!values.reference || Object.keys(name).length === 0)
        throw new UsageError(
          'dpo subject: give --reference and at least one of --given, --family, --father, --full',
        );
      const res = await callApi<{ report: SubjectReport }>(target, 'POST', '/subject-requests/search', {
        name,
        reference: values.reference,
      });
      return print(res, () => {
        println(io, `Report ${res.report.reference}: ${res.report.hits.length} record(s).`);
        for (const h of res.report.hits)
          println(
            io,
            `  ${h.score.toFixed(3)}  ${h.module} ${h.recordKind} ${h.recordId} #${h.entityId}  ${Object.values(h.matchedName).join(' ')}  (${h.direction ?? ''} ${h.partner ?? ''}, ${h.handlingCode ?? ''}, TLP:${h.tlp ?? ''})`,
          );
      });
    }
    case 'break-glass': {
      const res = await callApi<{ accesses: BreakGlassView[] }>(
        target,
        'GET',
        '/break-glass?unreviewed=true',
      );
      return print(res, () => {
        if (res.accesses.length === 0) return println(io, 'No emergency access awaits review.');
        for (const g of res.accesses)
          println(
            io,
            `${g.id}  ${g.createdAt}  ${g.username} opened ${g.recordKind} ${g.recordId}: ${g.reason}`,
          );
      });
    }
    case 'review-access': {
      if (!id || !values.note || (values.verdict !== 'justified' && values.verdict !== 'unjustified'))
        throw new UsageError('dpo review-access: give the id, --verdict justified|unjustified and --note');
      const res = await callApi<{ access: BreakGlassView }>(target, 'POST', `/break-glass/${id}/review`, {
        verdict: values.verdict,
        note: values.note,
      });
      return print(res, () => println(io, `${id}: ${res.access.verdict}.`));
    }
    default:
      throw new UsageError(`dpo: unknown subcommand "${sub ?? ''}"\n\n${dpoHelp}`);
  }
}
