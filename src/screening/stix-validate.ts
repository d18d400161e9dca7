// Validation of STIX 2.1 bundles against the OASIS STIX 2.1 JSON schemas shipped in
// data/stix2.1/schemas (JSON Schema draft 2020-12). Every object of a type with its own schema
// is checked against it, and the bundle against bundle.json. bundle.json omits some types that
// have their own schema (location, extension-definition, …: a known gap of the OASIS schemas,
// cf. cti-stix2-json-schemas issue 133 for infrastructure): those objects are checked against
// their own schema only, the set being read from bundle.json itself, not hard-coded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { bundledDataDir } from '../platform/index.js';

const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

/** Result of {@link validateStixBundle}: the problems found, by object. */
export type StixValidationResult = { ok: true } | { ok: false; errors: string[] };

let validators: {
  bundle: ValidateFunction;
  byType: Map<string, ValidateFunction>;
  /** Types with their own schema that bundle.json does not reference. */
  outsideBundle: Set<string>;
} | null = null;

function load() {
  if (validators) return validators;
  // The schemas' patterns use PCRE-style classes that JavaScript's unicode mode refuses;
  // formats (uri, email, idn-hostname) are annotations here, as the OASIS validator treats them.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false });
  const root = join(bundledDataDir, 'stix2.1', 'schemas');
  const byType = new Map<string, ValidateFunction>();
  const typed: Array<[string, string]> = [];
  for (const folder of readdirSync(root)) {
    for (const file of readdirSync(join(root, folder))) {
      if (!file.endsWith('.json')) continue;
      const schema = JSON.parse(readFileSync(join(root, folder, file), 'utf8'));
      ajv.addSchema(schema);
      if (folder === 'sdos' || folder === 'sros') typed.push([file.replace(/\.json$/, ''), schema.$id]);
    }
  }
  typed.push(['marking-definition', `${SCHEMA_BASE}common/marking-definition.json`]);
  typed.push(['extension-definition', `${SCHEMA_BASE}common/extension-definition.json`]);
  for (const [type, id] of typed) byType.set(type, ajv.getSchema(id)!);
  const bundleText = readFileSync(join(root, 'common', 'bundle.json'), 'utf8');
  const outsideBundle = new Set([...byType.keys()].filter((type) => !bundleText.includes(`/${type}.json"`)));
  validators = { bundle: ajv.getSchema(`${SCHEMA_BASE}common/bundle.json`)!, byType, outsideBundle };
  return validators;
}

/** Checks a bundle against the OASIS schemas. */
export function validateStixBundle(bundle: unknown): StixValidationResult {
  const { bundle: validate, byType, outsideBundle } = load();
  const errors: string[] = [];
  const all = (bundle as { objects?: unknown } | null)?.objects;
  const envelope =
    bundle !== null && typeof bundle === 'object' && Array.isArray(all)
      ? {
          ...bundle,
          objects: all.filter((o) => !outsideBundle.has((o as { type?: string } | null)?.type ?? '')),
        }
      : bundle;
  if (!validate(envelope)) {
    errors.push(...(validate.errors ?? []).slice(0, 20).map((e) => `bundle${e.instancePath}: ${e.message}`));
  }
  const objects = (bundle as { objects?: unknown }).objects;
  if (Array.isArray(objects)) {
    for (const o of objects) {
      const type = (o as { type?: string }).type ?? '';
      const v = byType.get(type);
      if (v && !v(o)) {
        errors.push(
          ...(v.errors ?? [])
            .slice(0, 10)
            .map((e) => `${(o as { id?: string }).id}${e.instancePath}: ${e.message}`),
        );
      }
    }
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Checks one object against the schema of its type (SDO, SRO, marking or extension definition). */
export function validateStixObject(object: { type: string }): StixValidationResult {
  const v = load().byType.get(object.type);
  if (!v) return { ok: false, errors: [`no OASIS schema for type ${object.type}`] };
  return v(object)
    ? { ok: true }
    : { ok: false, errors: (v.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`) };
}
