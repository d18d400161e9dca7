// Writes the published contract from the code: docs/openapi.json (the node API, as a node
// serves it at /api/v1/openapi.json), docs/federation-openapi.json, docs/schemas/*.json (the
// federation payloads and entities, as served at /federation/v1/schemas/) and the web UI's
// API types web/src/api/openapi-types.ts (openapi-typescript). Run after changing a route or
// a schema:
//   node --import tsx scripts/make-contract.ts
// test/contract.test.ts regenerates everything and fails when a committed file differs.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { federationJsonSchemas } from '../src/app/contract.js';
import { startTestNode } from '../test/_util.js';

const root = new URL('..', import.meta.url).pathname;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The contract files, path (relative to the repository) → content. */
export async function buildContractFiles(): Promise<Record<string, string>> {
  const node = await startTestNode({ id: 'contract-node' });
  let api: unknown;
  let federation: unknown;
  try {
    api = await (await fetch(`${node.url}/api/v1/openapi.json`)).json();
    federation = await (await fetch(`${node.url}/federation/v1/openapi.json`)).json();
  } finally {
    await node.destroy();
  }
  const files: Record<string, string> = {
    'docs/openapi.json': json(api),
    'docs/federation-openapi.json': json(federation),
  };
  for (const [name, schema] of Object.entries(federationJsonSchemas())) {
    files[`docs/schemas/${name}.json`] = json(schema);
  }
  const types = astToString(await openapiTS(api as Parameters<typeof openapiTS>[0]));
  files['web/src/api/openapi-types.ts'] =
    '// Generated from docs/openapi.json by scripts/make-contract.ts (openapi-typescript). Do not edit.\n' +
    types;
  return files;
}

/** Files under docs/schemas/ that the generator no longer produces. */
export function staleSchemaFiles(files: Record<string, string>): string[] {
  return readdirSync(join(root, 'docs/schemas'))
    .map((f) => `docs/schemas/${f}`)
    .filter((f) => !(f in files));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await buildContractFiles();
  mkdirSync(join(root, 'docs/schemas'), { recursive: true });
  for (const stale of staleSchemaFiles(files)) rmSync(join(root, stale));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  console.log(`wrote ${Object.keys(files).length} files`);
}
