// Checks every answer a test receives against the published OpenAPI documents: the status
// must be declared by the operation, an error must carry a code the operation declares, and
// a JSON body must follow the declared schema. A mismatch fails the test that made the
// request, so the documents cannot drift from what the node answers.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  'x-error-codes'?: string[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const documents = ['../docs/openapi.json', '../docs/federation-openapi.json'].map(
  (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Document,
);

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const compiled = new Map<unknown, ValidateFunction>();

/** Inlines `#/components/schemas/X` references (the documents use no others). */
function inline(schema: unknown, doc: Document): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, doc));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref?.startsWith('#/components/schemas/')) {
    return inline(doc.components?.schemas?.[ref.slice('#/components/schemas/'.length)], doc);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, doc)]));
}

function validatorOf(schema: unknown, doc: Document): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    const { $schema: _ignored, ...rest } = inline(schema, doc) as Record<string, unknown>;
    v = ajv.compile(rest);
    compiled.set(schema, v);
  }
  return v;
}

const templates = documents.flatMap((doc) =>
  Object.entries(doc.paths).map(([template, ops]) => ({
    doc,
    ops,
    re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literal: !template.includes('{'),
  })),
);

/** The operation documented for this method and path, if any (literal paths win). */
function findOperation(method: string, path: string): { op: Operation; doc: Document } | undefined {
  const matches = templates.filter((t) => t.re.test(path) && t.ops[method.toLowerCase()]);
  const best = matches.find((t) => t.literal) ?? matches[0];
  return best ? { op: best.ops[method.toLowerCase()] as Operation, doc: best.doc } : undefined;
}

/**
 * Throws when an answer disagrees with the OpenAPI document. Requests to paths the
 * documents do not describe (the web UI's files, unknown routes) are not checked.
 */
export function checkResponseContract(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  json: unknown,
): void {
  const path = new URL(url).pathname;
  const found = findOperation(method, path);
  if (!found) return;
  const { op, doc } = found;
  const where = `${method} ${path} answered ${status}`;
  const declared = op.responses[String(status)];
  if (!declared) {
    throw new Error(
      `${where}, a status its OpenAPI operation does not declare (${Object.keys(op.responses)})`,
    );
  }
  if (status >= 400) {
    const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
    if (typeof code !== 'string') throw new Error(`${where} without the error shape {error:{code,message}}`);
    const codes = op['x-error-codes'];
    if (codes && !codes.includes(code)) {
      throw new Error(`${where} with error code "${code}", which the operation does not declare (${codes})`);
    }
  }
  const schema = declared.content?.['application/json']?.schema;
  if (!schema || !contentType?.includes('application/json')) return;
  const validate = validatorOf(schema, doc);
  if (!validate(json)) {
    throw new Error(
      `${where} with a body that does not follow its schema: ${ajv.errorsText(validate.errors)}`,
    );
  }
}

let installed = false;

/**
 * Wraps the global `fetch` of the test process so that every answer of the node API
 * (`/api/v1/…`), whoever asked for it (a test, the CLI run in-process, TestClient), is
 * checked with {@link checkResponseContract}. The federation endpoints are left out: tests
 * stand up fake partners there that misbehave on purpose.
 */
export function installResponseContractCheck(): void {
  if (installed) return;
  installed = true;
  const original = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!new URL(url).pathname.startsWith('/api/v1/')) return res;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const type = res.headers.get('content-type');
    let json: unknown = null;
    if (type?.includes('application/json')) {
      try {
        json = await res.clone().json();
      } catch {
        json = null;
      }
    }
    checkResponseContract(method, url, res.status, type, json);
    return res;
  };
}
