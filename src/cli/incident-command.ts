import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportView, IncidentView } from '../incidents/index.js';
import { ApiCallError, type ApiTarget, apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const importHelp = `Usage: passerelle import iom FILE [--json]

Imports an IOM Missing Migrants Project CSV export into the node's incident registry,
through its API: IOM's own export layout or the curated Europe-routes layout, plain or
gzip-compressed (.gz). A progress bar is drawn on stderr while the node reads the rows.
A re-import updates incidents by IOM incident id; rows in error are listed with their
line and skipped, the others are imported.

  --json           print the import's outcome (counts and rows in error) as JSON
  --url, --token   node API (default PASSERELLE_URL / PASSERELLE_TOKEN)

Exit status 1 when rows were in error or the file was refused, 0 otherwise.`;

export const incidentHelp = `Usage: passerelle incident list [--search TEXT] [--year YYYY] [--route ROUTE]
                                [--origin COUNTRY] [--limit N] [--json]
       passerelle incident show ID|IOM-ID [--json]

The incident registry of the node (shipwrecks, vehicle accidents, border deaths),
through its API.

  list     incidents, newest first, with their dead, missing and survivors
  show     one incident by its id or its IOM incident id (e.g. 2025.MMP0019)
  --json   machine-readable output
  --url, --token   node API (default PASSERELLE_URL / PASSERELLE_TOKEN)`;

const common = {
  json: { type: 'boolean' },
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

/** A text progress bar: `[#########           ]  45 %  3,061 rows`. */
export function progressBar(done: number, total: number, rows: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ${rows.toLocaleString('en')} rows`;
}

async function uploadIom(target: ApiTarget, file: string, bytes: Buffer): Promise<ImportView> {
  const gzip = file.endsWith('.gz');
  let res: Response;
  try {
    res = await fetch(`${target.url}/api/v1/incidents/imports?name=${encodeURIComponent(basename(file))}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': gzip ? 'application/gzip' : 'text/csv',
      },
      body: new Uint8Array(bytes),
    });
  } catch (err) {
    throw new ApiCallError(0, 'network', `cannot reach ${target.url}: ${(err as Error).message}`);
  }
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok)
    throw new ApiCallError(
      res.status,
      json?.error?.code ?? 'http_error',
      json?.error?.message ?? `HTTP ${res.status}`,
    );
  return json as unknown as ImportView;
}

/** `passerelle import iom FILE`. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: common, allowPositionals: true });
  const [kind, file] = positionals;
  if (kind !== 'iom') throw new UsageError(`unknown import "${kind ?? ''}": passerelle import iom FILE`);
  if (!file) throw new UsageError('give the IOM CSV file: passerelle import iom FILE');
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(io.cwd, file));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const target = apiTargetOf(values, io.env);
  let view = await uploadIom(target, file, bytes);
  for (;;) {
    io.stderr.write(`\r${progressBar(view.bytesRead, view.bytesTotal, view.rowsRead)}`);
    if (view.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 200));
    view = await callApi<ImportView>(target, 'GET', `/incidents/imports/${view.id}`);
  }
  io.stderr.write('\n');
  if (values.json) println(io, JSON.stringify(view, null, 2));
  else {
    if (view.status === 'failed') io.stderr.write(`import failed: ${view.failure}\n`);
    println(
      io,
      `${view.fileName} (${view.layout ?? 'unknown layout'}): ${view.rowsRead} rows read: ${view.created} new, ${view.updated} updated, ${view.unchanged} unchanged, ${view.errorCount} in error`,
    );
    for (const e of view.errors)
      println(io, `  line ${e.line}${e.iomId ? ` (${e.iomId})` : ''}: ${e.message}`);
    if (view.errorCount > view.errors.length)
      println(io, `  … and ${view.errorCount - view.errors.length} more`);
  }
  return view.status === 'done' && view.errorCount === 0 ? 0 : 1;
}

function figures(i: IncidentView): string {
  const n = (v: number | null) => (v === null ? '?' : String(v));
  return `${n(i.dead)} dead, ${n(i.missing)} missing, ${n(i.survivors)} survivors`;
}

/** `passerelle incident list|show`. */
export async function runIncident(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...common,
      search: { type: 'string' },
      year: { type: 'string' },
      route: { type: 'string' },
      origin: { type: 'string' },
      limit: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [sub, ref] = positionals;
  const target = apiTargetOf(values, io.env);
  if (sub === 'list') {
    const q = new URLSearchParams();
    if (values.search) q.set('q', values.search);
    if (values.year) q.set('year', values.year);
    if (values.route) q.set('route', values.route);
    if (values.origin) q.set('origin', values.origin);
    q.set('limit', values.limit ?? '50');
    const res = await callApi<{ incidents: IncidentView[]; total: number }>(target, 'GET', `/incidents?${q}`);
    if (values.json) {
      println(io, JSON.stringify(res, null, 2));
      return 0;
    }
    for (const i of res.incidents) {
      println(
        io,
        `${i.date}  ${(i.iomId ?? i.id).padEnd(16)} ${i.type.padEnd(16)} ${figures(i)}  ${i.place}`,
      );
    }
    println(io, `${res.incidents.length} of ${res.total} incidents`);
    return 0;
  }
  if (sub === 'show') {
    if (!ref) throw new UsageError('give the incident: passerelle incident show ID|IOM-ID');
    let incident: IncidentView | undefined;
    if (/^\d{4}\.MMP\d+$/.test(ref)) {
      const res = await callApi<{ incidents: IncidentView[] }>(
        target,
        'GET',
        `/incidents?q=${encodeURIComponent(ref)}&limit=50`,
      );
      incident = res.incidents.find((i) => i.iomId === ref);
      if (!incident) throw new UsageError(`no incident with IOM id ${ref}`);
    } else incident = await callApi<IncidentView>(target, 'GET', `/incidents/${encodeURIComponent(ref)}`);
    if (values.json) {
      println(io, JSON.stringify(incident, null, 2));
      return 0;
    }
    const i = incident;
    println(io, `${i.iomId ? `IOM ${i.iomId}` : i.id}: ${i.type} on ${i.date}`);
    println(io, `  place       ${i.place}${i.country ? ` (${i.country})` : ''}`);
    if (i.latitude !== null && i.longitude !== null)
      println(io, `  position    ${i.latitude}, ${i.longitude}`);
    if (i.departurePlace)
      println(io, `  departure   ${i.departurePlace}${i.departureDate ? ` on ${i.departureDate}` : ''}`);
    if (i.route) println(io, `  route       ${i.route}`);
    if (i.vessel) println(io, `  vessel      ${i.vessel}`);
    println(io, `  figures     ${figures(i)}${i.aboard !== null ? ` (${i.aboard} aboard)` : ''}`);
    if (i.originCountries.length > 0) println(io, `  origin      ${i.originCountries.join(', ')}`);
    if (i.rescueService)
      println(
        io,
        `  rescue      ${i.rescueService}${i.rescueCaseNumber ? `, case ${i.rescueCaseNumber}` : ''}`,
      );
    for (const s of i.sources)
      println(io, `  source      ${s.name}${s.urls.length ? ` ${s.urls.join(' ')}` : ''}`);
    if (i.jointCaseId) println(io, `  joint case  ${i.jointCaseId}`);
    return 0;
  }
  throw new UsageError(`unknown incident command "${sub ?? ''}": list or show`);
}
