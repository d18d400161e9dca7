/// <reference types="node" />
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Runs under Node (`node --import tsx --test`), not in the browser bundle.

const LOCALES = ['fr', 'en', 'ar', 'ur'] as const;
const REFERENCE = 'fr';
const localesDir = fileURLToPath(new URL('./locales/', import.meta.url));
const srcDir = fileURLToPath(new URL('../', import.meta.url));

type Catalogue = { [key: string]: string | Catalogue };

function loadCatalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(localesDir, `${locale}.json`), 'utf8')) as Catalogue;
}

/** Flattens a catalogue to dotted keys; non-string leaves are kept so the tests can reject them. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value, path)) out.set(inner, leaf);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const catalogues = new Map(LOCALES.map((locale) => [locale, flatten(loadCatalogue(locale))]));
const reference = catalogues.get(REFERENCE)!;

describe('locale catalogues', () => {
  it('exist for exactly fr, en, ar and ur', () => {
    const files = readdirSync(localesDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    assert.deepEqual(files, [...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    const catalogue = catalogues.get(locale)!;

    it(`${locale}: has exactly the keys of ${REFERENCE}`, () => {
      const missing = [...reference.keys()].filter((key) => !catalogue.has(key));
      const extra = [...catalogue.keys()].filter((key) => !reference.has(key));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });

    it(`${locale}: every value is a non-empty string`, () => {
      const bad = [...catalogue].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      assert.deepEqual(
        bad.map(([key]) => key),
        [],
      );
    });

    it(`${locale}: uses the same interpolation placeholders as ${REFERENCE}`, () => {
      const mismatched = [...reference]
        .filter(([key, value]) => {
          const other = catalogue.get(key);
          return typeof value === 'string' && typeof other === 'string'
            ? placeholders(value).join() !== placeholders(other).join()
            : false;
        })
        .map(([key]) => key);
      assert.deepEqual(mismatched, []);
    });
  }

  it('ar and ur are written in Arabic script, not copied from another language', () => {
    // Brand names, symbols and interpolation-only strings are the same in every script.
    const sameEverywhere = new Set(['app.name', 'app.documentTitle', 'dashboard.noValue']);
    for (const locale of ['ar', 'ur'] as const) {
      const latinOnly = [...catalogues.get(locale)!]
        .filter(([key, value]) => !sameEverywhere.has(key) && typeof value === 'string')
        .filter(([, value]) => !/[\u0600-\u06FF]/.test(value as string))
        .map(([key]) => key);
      assert.deepEqual(latinOnly, [], `${locale} strings without Arabic script`);
    }
  });

  it('every literal key passed to t() in web/src exists in the catalogue', () => {
    const sources = collectSources(srcDir);
    const used = new Set<string>();
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1] ?? '');
    }
    assert.ok(used.size > 20, `expected to find t() calls, found ${used.size}`);
    const unknown = [...used].filter((key) => !reference.has(key));
    assert.deepEqual(unknown, []);
  });
});

function collectSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...collectSources(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}
