import type { Hono } from 'hono';
import { z } from 'zod';
import {
  CASE_DOCUMENT_TYPE,
  CASE_OPS_TYPE,
  CASE_SHARE_TYPE,
  CASE_WITHDRAW_TYPE,
  caseDocumentPayloadSchema,
  caseOpsPayloadSchema,
  caseSharePayloadSchema,
  caseWithdrawPayloadSchema,
} from '../cases/index.js';
import {
  CONSENT_REPLY_TYPE,
  CONSENT_REQUEST_TYPE,
  consentReplyPayloadSchema,
  consentRequestPayloadSchema,
  exchangeJsonSchemas,
  RETENTION_DELETED_TYPE,
  retentionDeletedSchema,
} from '../exchange/index.js';
import {
  CHECKPOINT_MESSAGE_TYPE,
  checkpointMessageSchema,
  checkpointSchema,
  inboxBatchAnswerSchema,
  inboxBatchSchema,
} from '../federation/index.js';
import {
  ANTE_MORTEM_TYPE,
  anteMortemPayloadSchema,
  DVI_DELETED_TYPE,
  DVI_STATUS_TYPE,
  dviDeletedPayloadSchema,
  dviStatusPayloadSchema,
} from '../incidents/index.js';
import {
  evaluateRequestSchema,
  evaluateResponseSchema,
  filterResponseSchema,
  matchingAnswerSchema,
} from '../matching/index.js';
import { ApiError } from '../platform/index.js';

/** Where the node serves the JSON Schemas of the federation payloads. */
export const SCHEMAS_PATH = '/federation/v1/schemas';

/**
 * The JSON Schemas (2020-12) of every federation message type's payload, of the audit
 * checkpoint statement and of the entities, by name. Generated from the zod schemas the
 * node validates with; the same documents are committed under docs/schemas/ (a test
 * regenerates and compares) and served at {@link SCHEMAS_PATH}.
 */
export function federationJsonSchemas(): Record<string, Record<string, unknown>> {
  const jsonSchema = (schema: z.ZodType, title: string) => ({
    ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>),
    title,
  });
  const schemas: Record<string, Record<string, unknown>> = {
    ...exchangeJsonSchemas(),
    [CHECKPOINT_MESSAGE_TYPE]: jsonSchema(
      checkpointMessageSchema,
      `Payload of an envelope of type "${CHECKPOINT_MESSAGE_TYPE}"`,
    ),
    [CONSENT_REQUEST_TYPE]: jsonSchema(
      consentRequestPayloadSchema,
      `Payload of an envelope of type "${CONSENT_REQUEST_TYPE}": asks the provider to allow onward transmission`,
    ),
    [CONSENT_REPLY_TYPE]: jsonSchema(
      consentReplyPayloadSchema,
      `Payload of an envelope of type "${CONSENT_REPLY_TYPE}": the provider's answer`,
    ),
    [RETENTION_DELETED_TYPE]: jsonSchema(
      retentionDeletedSchema,
      `Payload of an envelope of type "${RETENTION_DELETED_TYPE}": data the partner provided was purged`,
    ),
    [CASE_SHARE_TYPE]: jsonSchema(
      caseSharePayloadSchema,
      `Payload of an envelope of type "${CASE_SHARE_TYPE}": the owner shares a joint case (its operation log, in parts)`,
    ),
    [CASE_OPS_TYPE]: jsonSchema(
      caseOpsPayloadSchema,
      `Payload of an envelope of type "${CASE_OPS_TYPE}": operations on a joint case made on the sender's side`,
    ),
    [CASE_DOCUMENT_TYPE]: jsonSchema(
      caseDocumentPayloadSchema,
      `Payload of an envelope of type "${CASE_DOCUMENT_TYPE}": the content of a document file attached to a joint case on the sender's side`,
    ),
    [CASE_WITHDRAW_TYPE]: jsonSchema(
      caseWithdrawPayloadSchema,
      `Payload of an envelope of type "${CASE_WITHDRAW_TYPE}": the owner stops sharing the case with the recipient`,
    ),
    [ANTE_MORTEM_TYPE]: jsonSchema(
      anteMortemPayloadSchema,
      `Payload of an envelope of type "${ANTE_MORTEM_TYPE}": an ante-mortem record (INTERPOL DVI yellow form) for the partner holding the bodies`,
    ),
    [DVI_STATUS_TYPE]: jsonSchema(
      dviStatusPayloadSchema,
      `Payload of an envelope of type "${DVI_STATUS_TYPE}": the sender's status board entries about the receiver's records`,
    ),
    [DVI_DELETED_TYPE]: jsonSchema(
      dviDeletedPayloadSchema,
      `Payload of an envelope of type "${DVI_DELETED_TYPE}": the sender purged an ante-mortem record the receiver had sent it`,
    ),
    'matching-evaluate-request': jsonSchema(
      evaluateRequestSchema,
      'Body of POST /federation/v1/matching/evaluate: blinded elements to evaluate (PROTOCOL §12)',
    ),
    'matching-evaluate-response': jsonSchema(
      evaluateResponseSchema,
      'Answer of POST /federation/v1/matching/evaluate: the evaluated elements, in order (PROTOCOL §12)',
    ),
    'matching-answer-statement': jsonSchema(
      matchingAnswerSchema,
      "Signed content of the holder's answer to a blind evaluation (JWS payload, typ passerelle-matching-answer+jws, PROTOCOL §12.2)",
    ),
    'matching-filter': jsonSchema(
      filterResponseSchema,
      "Answer of GET /federation/v1/matching/filter: the holder's filter, whole or as a delta (PROTOCOL §12)",
    ),
    'inbox-batch': jsonSchema(
      inboxBatchSchema,
      'Body of POST /federation/v1/inbox/batch: several envelopes of one sender (PROTOCOL §7.6)',
    ),
    'inbox-batch-answer': jsonSchema(
      inboxBatchAnswerSchema,
      'Answer of POST /federation/v1/inbox/batch: a signed receipt or an error per envelope, in order (PROTOCOL §7.6)',
    ),
    'audit-checkpoint-statement': jsonSchema(
      checkpointSchema,
      'Signed content of an audit checkpoint (JWS payload, typ passerelle-audit-checkpoint+jws)',
    ),
  };
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Schemas that are shared definitions rather than the payload of a message type. */
const DEFINITIONS = new Set([
  'entity',
  'audit-checkpoint-statement',
  'inbox-batch',
  'inbox-batch-answer',
  'matching-evaluate-request',
  'matching-evaluate-response',
  'matching-filter',
]);

/**
 * Serves `GET /federation/v1/schemas` (the list) and `GET /federation/v1/schemas/{name}.json`.
 * Public like the card: a partner's implementer needs them before pairing. Each listed `url`
 * is absolute, built from the node's card endpoint (its public base URL), so it stays right
 * behind a reverse proxy that serves the node under a path prefix (PROTOCOL §7.1).
 */
export function registerSchemaRoutes(app: Hono, endpoint: () => string): void {
  const schemas = federationJsonSchemas();
  const names = Object.keys(schemas);
  app.get(SCHEMAS_PATH, (c) =>
    c.json({
      schemas: names.map((name) => ({
        name,
        kind: DEFINITIONS.has(name) ? 'definition' : 'message',
        url: `${endpoint()}${SCHEMAS_PATH}/${name}.json`,
      })),
    }),
  );
  app.get(`${SCHEMAS_PATH}/:file`, (c) => {
    const name = c.req.param('file').replace(/\.json$/, '');
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (!schema) throw new ApiError(404, 'not_found', `No schema "${name}"; GET ${SCHEMAS_PATH} lists them`);
    return c.body(JSON.stringify(schema, null, 2), 200, { 'content-type': 'application/schema+json' });
  });
}
