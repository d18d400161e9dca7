/**
 * A message row as the rest of the node sees it: the columns an operational message fills,
 * what need-to-know looks at, and what the outgoing review looks at.
 */
import type { NeedToKnowRecord } from '../governance/index.js';
import type { OperationalMessage } from './schema.js';
import type * as store from './store.js';

/** Everything an outgoing message row needs, from a validated operational message. */
export function messageColumns(m: OperationalMessage) {
  const content = m.type === 'ack' ? null : m;
  return {
    id: m.id,
    conversationId: m.conversationId,
    type: m.type,
    subject: content?.subject ?? null,
    priority: content?.priority ?? null,
    crimeAreas: content ? [...content.crimeAreas] : [],
    handlingCode: content?.handlingCode ?? null,
    tlp: content?.tlp ?? null,
    deadline: content?.deadline ? new Date(content.deadline) : null,
    inReplyTo: m.inReplyTo ?? null,
    payload: m as unknown as Record<string, unknown>,
    createdAt: new Date(m.createdAt),
    hasAttachments: (content?.attachments.length ?? 0) > 0,
    retentionReviewDate: content?.retentionReviewDate ?? null,
    unit: null as string | null,
    addressedOfficers: [] as string[],
  };
}

/** What the outgoing review looks at in a message to `partner`. */
export function reviewFacts(m: OperationalMessage, partner: string) {
  const c = m.type === 'ack' ? null : m;
  return {
    type: m.type,
    partner,
    crimeAreas: c ? [...c.crimeAreas] : [],
    handlingCode: c?.handlingCode ?? 'H0',
    priority: c?.priority ?? 'routine',
    subject: c?.subject ?? '',
    body: c?.body ?? '',
    purpose: c?.purpose ?? '',
    entityKinds: c ? c.entities.map((e) => e.kind) : [],
    hasAttachments: (c?.attachments.length ?? 0) > 0,
  };
}

/** What need-to-know looks at in a message row. */
export function messageRecord(row: store.MessageRow): NeedToKnowRecord {
  return {
    kind: 'message',
    id: row.id,
    unit: row.unit,
    officers: row.addressed_officers,
    tlp: row.tlp,
    handlingCode: row.handling_code,
    createdBy: row.created_by,
  };
}

/** The message columns {@link visibleCondition} filters listings on. */
export const MESSAGE_NTK_COLUMNS = {
  kind: 'message',
  id: 'messages.id',
  unit: 'messages.unit',
  officers: 'messages.addressed_officers',
  tlp: 'messages.tlp',
  handlingCode: 'messages.handling_code',
  createdBy: 'messages.created_by',
} as const;
