/**
 * The parts of the federation OpenAPI document (docs/federation-openapi.json) that the route
 * declarations cannot say by themselves: the endpoints other modules serve under
 * /federation/v1 (schemas, checkpoints, audit head, attachments, the document itself), the
 * inbox's `application/jose` body and its receipt, and the RFC 9421 request headers.
 */

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** RFC 9421 / RFC 9530 request headers a signed node-to-node request carries (PROTOCOL §6). */
export const SIGNATURE_HEADER_PARAMETERS = [
  {
    name: 'Signature-Input',
    in: 'header',
    required: true,
    description:
      'RFC 9421 signature parameters, e.g. pas=("@method" "@target-uri" "content-digest" "content-type");created=…;expires=…;keyid="<signing kid>";alg="ed25519";tag="passerelle-federation-1" (PROTOCOL §6)',
    schema: { type: 'string' },
  },
  {
    name: 'Signature',
    in: 'header',
    required: true,
    description: 'RFC 9421 Ed25519 signature for the same label, e.g. pas=:<base64>:',
    schema: { type: 'string' },
  },
];

const CONTENT_DIGEST_PARAMETER = {
  name: 'Content-Digest',
  in: 'header',
  required: true,
  description: 'RFC 9530 digest of the body bytes: sha-256=:<base64>: (sha-512 also accepted)',
  schema: { type: 'string' },
};

const signedGetErrors = {
  '401': errorResponse(
    '`bad_http_signature` (with `reason`, PROTOCOL §6): the RFC 9421 signature is missing, invalid, or not by a verified partner',
  ),
};

interface Describer {
  describe(
    method: 'get' | 'post',
    fullPath: string,
    operation: { tag: string } & Record<string, unknown>,
  ): void;
}

/** Documents the node-to-node endpoints served outside the federation router. */
export function describeOtherFederationEndpoints(fed: Describer, tag: string): void {
  fed.describe('get', '/federation/v1/openapi.json', {
    tag,
    operationId: 'getFederationV1Openapi',
    summary: 'This OpenAPI document',
    responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': {} } } },
  });
  fed.describe('get', '/federation/v1/schemas', {
    tag,
    operationId: 'getFederationV1Schemas',
    summary: 'The JSON Schemas of the payloads (PROTOCOL §8.4), with absolute URLs under the card endpoint',
    responses: {
      '200': {
        description:
          '`kind` is `message` for a message type (the payload of an envelope whose `mty` is `name`) and `definition` for a shared definition (an entity, the checkpoint statement)',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['schemas'],
              properties: {
                schemas: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'kind', 'url'],
                    properties: {
                      name: { type: 'string' },
                      kind: { type: 'string', enum: ['message', 'definition'] },
                      url: { type: 'string', format: 'uri' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  fed.describe('get', '/federation/v1/schemas/{name}.json', {
    tag,
    operationId: 'getFederationV1Schema',
    summary: 'One JSON Schema (2020-12)',
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': { description: 'The schema', content: { 'application/schema+json': {} } },
      '404': errorResponse('`not_found`: no schema of that name'),
    },
  });
  fed.describe('get', '/federation/v1/checkpoints', {
    tag,
    operationId: 'getFederationV1Checkpoints',
    summary: "The calling partner's own audit checkpoints this node holds (RFC 9421 signed GET, PROTOCOL §9)",
    parameters: SIGNATURE_HEADER_PARAMETERS,
    responses: {
      '200': {
        description: 'Compact JWS checkpoints (typ passerelle-audit-checkpoint+jws)',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['checkpoints'],
              properties: { checkpoints: { type: 'array', items: { type: 'string' } } },
            },
          },
        },
      },
      ...signedGetErrors,
    },
  });
  fed.describe('get', '/federation/v1/audit-head', {
    tag,
    operationId: 'getFederationV1AuditHead',
    summary:
      'The latest audit head the calling partner announced to this node (RFC 9421 signed GET, PROTOCOL §9.1)',
    parameters: SIGNATURE_HEADER_PARAMETERS,
    responses: {
      '200': {
        description: '`head` is null when the partner never announced one',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['head'],
              properties: {
                head: {
                  anyOf: [
                    { type: 'null' },
                    {
                      type: 'object',
                      properties: {
                        seq: { type: 'integer' },
                        hash: { type: 'string' },
                        at: { type: 'string' },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
      },
      ...signedGetErrors,
    },
  });
  fed.describe('get', '/federation/v1/attachments/{id}', {
    tag,
    operationId: 'getFederationV1Attachment',
    summary:
      'An attachment of a message this node sent to the caller, encrypted with its transfer key (RFC 9421 signed GET, PROTOCOL §8.3)',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ...SIGNATURE_HEADER_PARAMETERS,
    ],
    responses: {
      '200': { description: 'The encrypted file', content: { 'application/octet-stream': {} } },
      '404': errorResponse(
        '`not_found`: no such attachment for this caller (also for other partners’ files)',
      ),
      ...signedGetErrors,
    },
  });
  // Hit/no-hit matching (PROTOCOL §12); the bodies' JSON Schemas are served under /schemas.
  const schemaRef = (name: string) => ({
    type: 'object',
    description: `JSON Schema served at /federation/v1/schemas/${name}.json (docs/schemas/${name}.json)`,
  });
  const matchingRefusals = {
    '403': errorResponse('`matching_not_allowed`: no matching policy of this node allows the caller'),
    '429': errorResponse("`matching_quota_exceeded`: the caller's daily quota of evaluations is used up"),
  };
  fed.describe('get', '/federation/v1/matching/filter', {
    tag,
    operationId: 'getFederationV1MatchingFilter',
    summary:
      "The caller's view of this node's matching filter, whole or as a delta since epoch/policyVersion/version (RFC 9421 signed GET, PROTOCOL §12)",
    parameters: [
      ...['epoch', 'policyVersion', 'version'].map((name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 0 },
      })),
      ...SIGNATURE_HEADER_PARAMETERS,
    ],
    responses: {
      '200': {
        description: 'The filter',
        content: { 'application/json': { schema: schemaRef('matching-filter') } },
      },
      ...matchingRefusals,
      ...signedGetErrors,
    },
  });
  fed.describe('post', '/federation/v1/matching/evaluate', {
    tag,
    operationId: 'postFederationV1MatchingEvaluate',
    summary:
      "Blind evaluation of the caller's blinded elements under the current key; purpose and legal basis are logged, never the elements (RFC 9421 signed POST with Content-Digest, PROTOCOL §12)",
    parameters: [CONTENT_DIGEST_PARAMETER, ...SIGNATURE_HEADER_PARAMETERS],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: schemaRef('matching-evaluate-request') } },
    },
    responses: {
      '200': {
        description: 'The evaluated elements, in the order sent',
        content: { 'application/json': { schema: schemaRef('matching-evaluate-response') } },
      },
      '400': errorResponse('`bad_request`: malformed body, or an element that is not a valid group element'),
      '409': errorResponse('`matching_epoch_changed`: the key rotated; fetch the filter again'),
      ...matchingRefusals,
      ...signedGetErrors,
    },
  });
}

/** Adds the inbox's body, headers and receipt to the generated operation. */
export function completeInboxOperation(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): void {
  const op = doc.paths['/federation/v1/inbox']?.post;
  if (!op) return;
  op.parameters = [CONTENT_DIGEST_PARAMETER, ...SIGNATURE_HEADER_PARAMETERS];
  op.requestBody = {
    required: true,
    description: 'The envelope: a compact JWE (PROTOCOL §4), at most 4 MiB',
    content: { 'application/jose': { schema: { type: 'string' } } },
  };
  const responses = op.responses as Record<string, unknown>;
  responses['200'] = {
    description:
      'Accepted, or a known message id: the signed receipt (PROTOCOL §5), for a known id the one kept from the first arrival',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['receiptJws'],
          properties: {
            receiptJws: { type: 'string', description: 'compact JWS, typ passerelle-receipt+jws' },
          },
        },
      },
    },
  };
  retryAfter(responses);
  const batch = doc.paths['/federation/v1/inbox/batch']?.post;
  if (!batch) return;
  batch.parameters = [CONTENT_DIGEST_PARAMETER, ...SIGNATURE_HEADER_PARAMETERS];
  batch.requestBody = {
    required: true,
    description:
      'Envelopes of one sender to this node (PROTOCOL §7.6; docs/schemas/inbox-batch.json), at most 4 MiB in all; only to a node whose card names `inbox.batch`',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['sender', 'envelopes'],
          additionalProperties: false,
          properties: {
            sender: {
              type: 'string',
              description: 'node id of the sender, whose card key signs the request',
            },
            envelopes: {
              type: 'array',
              minItems: 1,
              maxItems: 64,
              items: { type: 'string', description: 'a compact JWE envelope (PROTOCOL §4)' },
            },
          },
        },
      },
    },
  };
  retryAfter(batch.responses as Record<string, unknown>);
}

function retryAfter(responses: Record<string, unknown>): void {
  const limited = responses['429'] as Record<string, unknown> | undefined;
  if (limited) {
    limited.headers = {
      'Retry-After': { description: 'Seconds until the one-minute window ends', schema: { type: 'integer' } },
    };
  }
}
