import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { type IomIncident, readIomCsv } from './iom-csv.js';

/**
 * Finds one incident in an IOM Missing Migrants CSV file (either layout, plain or `.gz`),
 * reading the file as a stream; null when the file has no such row or the row is in error.
 */
export async function findIomIncident(path: string, iomId: string): Promise<IomIncident | null> {
  const file = createReadStream(path);
  const text = (path.endsWith('.gz') ? file.pipe(createGunzip()) : file).setEncoding('utf8');
  try {
    for await (const event of readIomCsv(text)) {
      if (event.kind === 'row' && event.result.ok && event.result.incident.iomId === iomId)
        return event.result.incident;
    }
    return null;
  } finally {
    file.destroy();
  }
}
