import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BatchView, DiffView, ImportListResult, ListView, ScreenResult } from '../screening/index.js';
import { ApiCallError, type ApiTarget, apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const screenHelp = `Usage: passerelle screen NAME [NAME…] --purpose TEXT [options]
       passerelle screen --csv FILE --purpose TEXT [--out FILE] [--json]

Screens a person or organisation against the node's active UN Security Council
Consolidated List, through the node's API. Every screening is audited with its purpose.

  NAME                 a name in any script; several names are aliases of one person
  --birth DATE         year, YYYY-MM or YYYY-MM-DD
  --nationality CC     ISO 3166-1 alpha-2 code (repeatable)
  --document NUMBER    identity document number (repeatable)
  --purpose TEXT       why (required; written to the audit log)
  --csv FILE           batch: CSV with a header (ref,name,other_names,birth_date,nationality,document)
  --out FILE           batch: write the result CSV there (default: print it)
  --json               print, for each query, the ranked candidates as JSON
  --url, --token       node API (default PASSERELLE_URL / PASSERELLE_TOKEN)

Exit status 3 when one query has a confident candidate (for scripts), 0 otherwise.`;

export const listHelp = `Usage: passerelle list import FILE [--json]
       passerelle list versions [--json]
       passerelle list diff [--to VERSION] [--from VERSION] [--json]

Manages the UN Security Council Consolidated List on a node, through its API.

  import FILE    import a list file (.xml or .xml.gz); refused whole when malformed,
                 the active version then stays; prints what changed
  versions       imported versions, newest first
  diff           designations added, removed and amended (default: the active version
                 against the one it replaced)
  --url, --token node API (default PASSERELLE_URL / PASSERELLE_TOKEN)`;

const common = {
  json: { type: 'boolean' },
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

function describeCandidates(io: CliIo, result: ScreenResult, label: string): void {
  if (result.candidates.length === 0) {
    println(io, `${label}: no candidate at or above ${result.thresholds.review}`);
    return;
  }
  println(io, `${label}:`);
  for (const c of result.candidates) {
    const quality = c.matchedQuality ? ` ${c.matchedQuality}` : '';
    println(io, `  ${c.level.padEnd(9)} ${c.score.toFixed(3)}  ${c.referenceNumber.padEnd(9)} ${c.name}`);
    println(io, `            matched ${c.matchedSource}${quality}: ${c.matchedName}`);
    const checks = (['birth', 'nationality', 'document'] as const)
      .filter((k) => c[k].status !== 'unknown')
      .map((k) => `${k} ${c[k].status} (${c[k].listed.join('; ')})`);
    if (checks.length > 0) println(io, `            ${checks.join(', ')}`);
  }
}

async function runBatch(
  target: ApiTarget,
  file: string,
  purpose: string,
  values: { out?: string | undefined; json?: boolean | undefined },
  io: CliIo,
) {
  let csv: string;
  try {
    csv = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let batch = await callApi<BatchView>(target, 'POST', '/screening/batches', { csv, purpose });
  while (batch.status === 'running') {
    io.stderr.write(`\rscreened ${batch.done}/${batch.total}`);
    await new Promise((r) => setTimeout(r, 250));
    batch = await callApi<BatchView>(target, 'GET', `/screening/batches/${batch.id}`);
  }
  io.stderr.write(
    `\rscreened ${batch.done}/${batch.total}: ${batch.confident} confident, ${batch.review} to review\n`,
  );
  if (batch.status === 'failed')
    throw new ApiCallError(500, 'batch_failed', batch.error ?? 'the batch failed');
  if (values.json) {
    const res = await callApi<{ results: unknown[] }>(
      target,
      'GET',
      `/screening/batches/${batch.id}/results`,
    );
    println(io, JSON.stringify(res.results, null, 2));
    return;
  }
  const res = await fetch(`${target.url}/api/v1/screening/batches/${batch.id}/results?format=csv`, {
    headers: { authorization: `Bearer ${target.token}` },
  });
  if (!res.ok) throw new ApiCallError(res.status, 'http_error', `HTTP ${res.status}`);
  const text = await res.text();
  if (values.out) {
    writeFileSync(resolve(io.cwd, values.out), text);
    println(io, `results written to ${values.out}`);
  } else io.stdout.write(text);
}

/** `passerelle screen`: one query or a CSV batch. */
export async function runScreen(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...common,
      birth: { type: 'string' },
      nationality: { type: 'string', multiple: true },
      document: { type: 'string', multiple: true },
      purpose: { type: 'string' },
      csv: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.purpose) throw new UsageError('--purpose is required: say why this screening is done');
  const target = apiTargetOf(values, io.env);
  if (values.csv) {
    await runBatch(target, values.csv, values.purpose, values, io);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give a name, or --csv FILE');
  const query = {
    names: positionals,
    ...(values.birth ? { birthDate: values.birth } : {}),
    ...(values.nationality ? { nationalities: values.nationality } : {}),
    ...(values.document ? { documents: values.document } : {}),
  };
  const result = await callApi<ScreenResult>(target, 'POST', '/screening/screen', {
    query,
    purpose: values.purpose,
  });
  if (values.json) {
    println(io, JSON.stringify([{ query, ...result }], null, 2));
    return 0;
  }
  describeCandidates(io, result, positionals.join(' / '));
  return result.candidates.some((c) => c.level === 'confident') ? 3 : 0;
}

function printDiff(io: CliIo, diff: DiffView): void {
  println(io, `${diff.added} added, ${diff.removed} removed, ${diff.amended} amended`);
  for (const c of diff.changes) {
    println(
      io,
      `  ${c.change.padEnd(8)} ${c.referenceNumber.padEnd(9)} ${c.name}${c.fields.length > 0 ? ` [${c.fields.join(', ')}]` : ''}`,
    );
  }
}

/** `passerelle list`: import, versions, diff. */
export async function runList(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...common, from: { type: 'string' }, to: { type: 'string' } },
  });
  const target = apiTargetOf(values, io.env);
  switch (sub) {
    case 'import': {
      const file = positionals[0];
      if (!file) throw new UsageError('give the list file: passerelle list import FILE');
      let body: Buffer;
      try {
        body = readFileSync(resolve(io.cwd, file));
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
      }
      const gz = body[0] === 0x1f && body[1] === 0x8b;
      const res = await fetch(
        `${target.url}/api/v1/screening/lists?name=${encodeURIComponent(basename(file).replace(/\.gz$/, ''))}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${target.token}`,
            'content-type': 'application/xml',
            ...(gz ? { 'content-encoding': 'gzip' } : {}),
          },
          body: new Uint8Array(body),
        },
      ).catch((err: Error) => {
        throw new ApiCallError(0, 'network', `cannot reach ${target.url}: ${err.message}`);
      });
      const json = (await res.json().catch(() => null)) as
        | (ImportListResult & { error?: { code: string; message: string } })
        | null;
      if (!res.ok)
        throw new ApiCallError(
          res.status,
          json?.error?.code ?? 'http_error',
          json?.error?.message ?? `HTTP ${res.status}`,
        );
      if (values.json) {
        println(io, JSON.stringify(json, null, 2));
        return 0;
      }
      const l = json!.list;
      println(
        io,
        `imported list of ${l.generatedAt}: ${l.individuals} individuals, ${l.entities} entities, ${l.aliases} aliases (version ${l.id})`,
      );
      if (json!.diff) printDiff(io, json!.diff);
      return 0;
    }
    case 'versions': {
      const res = await callApi<{ lists: ListView[] }>(target, 'GET', '/screening/lists');
      if (values.json) {
        println(io, JSON.stringify(res, null, 2));
        return 0;
      }
      for (const l of res.lists) {
        println(
          io,
          `${l.active ? '*' : ' '} ${l.id}  generated ${l.generatedAt.slice(0, 10)}  ${l.individuals} individuals, ${l.entities} entities  +${l.added} -${l.removed} ~${l.amended}  ${l.sourceName}`,
        );
      }
      return 0;
    }
    case 'diff': {
      let to = values.to;
      if (!to) {
        const res = await callApi<{ lists: ListView[] }>(target, 'GET', '/screening/lists');
        to = res.lists.find((l) => l.active)?.id;
        if (!to) throw new UsageError('no list has been imported');
      }
      const diff = await callApi<DiffView>(
        target,
        'GET',
        `/screening/lists/${to}/diff${values.from ? `?from=${values.from}` : ''}`,
      );
      if (values.json) println(io, JSON.stringify(diff, null, 2));
      else printDiff(io, diff);
      return 0;
    }
    default:
      throw new UsageError(`unknown list command "${sub ?? ''}": import, versions or diff`);
  }
}
