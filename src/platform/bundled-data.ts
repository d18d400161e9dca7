// The real public data that ships inside the repository (`data/`, provenance in data/README.md):
// UN Security Council Consolidated Lists, IOM Missing Migrants exports, the OASIS STIX 2.1
// schemas and transliteration pairs. Large files are stored gzip-compressed; readers get the
// plain bytes either way, so a file a user supplies uncompressed reads the same.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The repository's `data/` folder. */
export const bundledDataDir: string = fileURLToPath(new URL('../../data/', import.meta.url));

/** Reads a data file, decompressing it when its name ends in `.gz`. */
export function readDataFile(path: string): Buffer {
  const bytes = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

/**
 * The path of a bundled data file by its plain name (`un-consolidated-2024-09-26.xml`): the
 * file itself, or its `.gz` form. Throws naming the file when neither exists.
 */
export function bundledDataPath(name: string): string {
  const plain = `${bundledDataDir}${name}`;
  if (existsSync(plain)) return plain;
  if (existsSync(`${plain}.gz`)) return `${plain}.gz`;
  throw new Error(`bundled data file not found: data/${name}`);
}

/** Reads a bundled data file by its plain name, decompressed. */
export function readBundledData(name: string): Buffer {
  return readDataFile(bundledDataPath(name));
}
