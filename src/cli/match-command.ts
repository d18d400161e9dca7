import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckItem, CheckResponse, CheckResult } from '../matching/index.js';
import { ApiCallError, apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const matchHelp = `Usage: passerelle match check --partner NODE --purpose TEXT --legal-basis TEXT ITEM [--json]
       passerelle match check --partner NODE --purpose TEXT --legal-basis TEXT --csv FILE [--json]
       passerelle match index status|rebuild [--json]
       passerelle match policy show [--partner NODE] [--json]
       passerelle match policy set --partner NODE [--enable|--disable] [--record-types LIST]
                                   [--crime-areas LIST] [--quota N] [--json]
       passerelle match report [--json]
       passerelle match holdings list [--json]
       passerelle match holdings add --source TEXT --crime-areas LIST --file ENTITIES.json [--json]
       passerelle match holdings withdraw ID

Privacy-preserving hit/no-hit checks with a partner (docs/MATCHING.md): the partner never
sees the values checked; the answer is hit or no-hit per item, with an opaque hit reference
to quote in a follow-up request. Purpose and legal basis are logged on both sides.

ITEM (one of):
  --name NAME [--name NAME…] [--birth-year YYYY]   a person, names in any script
  --passport NUMBER --country CC                   passport number and issuing country
  --phone NUMBER [--country CC]                    E.164 (or national format with --country)
  --imo NUMBER | --mmsi NUMBER                     a vessel
  --iban IBAN                                      a bank account
  --csv FILE     batch: header kind,name,birth_year,number,country,imo,mmsi,iban

  index status   size of this node's matching index, filter size per record, key age
  index rebuild  rotate the matching key and rebuild the index (administrator)
  policy show    each partner's matching policy on this node (deny by default)
  policy set     change a partner's policy (DPO): what is not given stays as it is;
                 LIST is comma-separated (record types: person, identity_document, phone,
                 vessel, financial; crime areas: empty means every area), --quota is the
                 daily number of blind evaluations
  report         per partner: checks made and received, refusals, quota used today
  holdings list  the records this node registered for matching, newest first
  holdings add   register records for matching: FILE holds a JSON array of entities
                 (DESIGN §5: person, identity_document, phone, vessel, financial), at most
                 10,000; --crime-areas is comma-separated; the index refreshes at once
  holdings withdraw  take a registered record out of matching
  --json         one JSON object per item: {"hit", "item", "hitRef", "hitRefs"}
  --url, --token node API (default PASSERELLE_URL / PASSERELLE_TOKEN)

Exit status 3 when an item is a hit (for scripts), 0 otherwise.`;

const common = {
  json: { type: 'boolean' },
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

function describeItem(item: CheckItem): string {
  switch (item.kind) {
    case 'person':
      return `person ${item.names.join(' / ')}${item.birthYear ? ` (${item.birthYear})` : ''}`;
    case 'passport':
      return `passport ${item.number} (${item.issuingCountry})`;
    case 'phone':
      return `phone ${item.number}`;
    case 'vessel':
      return `vessel ${[item.imo && `IMO ${item.imo}`, item.mmsi && `MMSI ${item.mmsi}`].filter(Boolean).join(' ')}`;
    case 'iban':
      return `IBAN ${item.iban}`;
  }
}

function printResults(io: CliIo, results: CheckResult[], json: boolean | undefined): number {
  if (json) {
    for (const r of results)
      println(
        io,
        JSON.stringify({ hit: r.hit, item: r.item, hitRef: r.hitRefs[0] ?? null, hitRefs: r.hitRefs }),
      );
  } else {
    for (const r of results)
      println(
        io,
        `${r.hit ? 'HIT   ' : 'no hit'}  ${describeItem(r.item)}${r.hit ? `  ${r.hitRefs.join(' ')}` : ''}`,
      );
  }
  return results.some((r) => r.hit) ? 3 : 0;
}

function itemFromFlags(v: Record<string, string | string[] | boolean | undefined>): CheckItem {
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const names = v.name as string[] | undefined;
  if (names && names.length > 0) {
    const year = s('birth-year');
    if (year !== undefined && !/^\d{4}$/.test(year))
      throw new UsageError('--birth-year takes a year such as 1986');
    return { kind: 'person', names, ...(year ? { birthYear: Number(year) } : {}) };
  }
  if (s('passport')) {
    if (!s('country')) throw new UsageError('--passport needs --country (issuing country)');
    return { kind: 'passport', number: s('passport')!, issuingCountry: s('country')! };
  }
  if (s('phone'))
    return { kind: 'phone', number: s('phone')!, ...(s('country') ? { country: s('country')! } : {}) };
  if (s('imo') || s('mmsi'))
    return {
      kind: 'vessel',
      ...(s('imo') ? { imo: s('imo')! } : {}),
      ...(s('mmsi') ? { mmsi: s('mmsi')! } : {}),
    };
  if (s('iban')) return { kind: 'iban', iban: s('iban')! };
  throw new UsageError('give an item (--name, --passport, --phone, --imo/--mmsi, --iban) or --csv FILE');
}

type Policy = {
  partner: string;
  enabled: boolean;
  recordTypes: string[];
  crimeAreas: string[];
  dailyQuota: number;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

function printPolicy(io: CliIo, p: Policy): void {
  println(
    io,
    `${p.partner}  ${p.enabled ? 'enabled' : 'disabled'}  types: ${p.recordTypes.join(',') || '-'}  crime areas: ${p.crimeAreas.join(',') || 'all'}  quota ${p.dailyQuota}/day  v${p.version}${p.updatedBy ? ` (${p.updatedBy}, ${p.updatedAt})` : ''}`,
  );
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

async function runPolicy(args: string[], io: CliIo): Promise<number> {
  const [action, ...more] = args;
  const { values } = parseArgs({
    args: more,
    options: {
      ...common,
      partner: { type: 'string' },
      enable: { type: 'boolean' },
      disable: { type: 'boolean' },
      'record-types': { type: 'string' },
      'crime-areas': { type: 'string' },
      quota: { type: 'string' },
    },
  });
  const target = apiTargetOf(values, io.env);
  const { policies } = await callApi<{ policies: Policy[] }>(target, 'GET', '/matching/policies');
  if (action === 'show') {
    const shown = values.partner ? policies.filter((p) => p.partner === values.partner) : policies;
    if (values.partner && shown.length === 0)
      throw new ApiCallError(404, 'not_found', `no verified partner ${values.partner}`);
    if (values.json) println(io, JSON.stringify({ policies: shown }, null, 2));
    else for (const p of shown) printPolicy(io, p);
    return 0;
  }
  if (action !== 'set') throw new UsageError('passerelle match policy show|set');
  if (!values.partner) throw new UsageError('--partner is required: whose policy to set');
  if (values.enable && values.disable) throw new UsageError('--enable or --disable, not both');
  let quota: number | undefined;
  if (values.quota !== undefined) {
    if (!/^\d{1,8}$/.test(values.quota)) throw new UsageError('--quota takes a whole number');
    quota = Number(values.quota);
  }
  const current = policies.find((p) => p.partner === values.partner);
  const body = {
    enabled: values.enable ? true : values.disable ? false : (current?.enabled ?? false),
    recordTypes:
      values['record-types'] !== undefined ? list(values['record-types']) : (current?.recordTypes ?? []),
    crimeAreas:
      values['crime-areas'] !== undefined ? list(values['crime-areas']) : (current?.crimeAreas ?? []),
    dailyQuota: quota ?? current?.dailyQuota ?? 0,
  };
  const set = await callApi<Policy>(
    target,
    'PUT',
    `/matching/policies/${encodeURIComponent(values.partner)}`,
    body,
  );
  if (values.json) println(io, JSON.stringify(set, null, 2));
  else printPolicy(io, set);
  return 0;
}

type Report = {
  partner: string;
  made: { queries: number; items: number; hits: number };
  received: { queries: number; items: number; evaluations: number; refused: number };
  evaluationsToday: number;
  dailyQuota: number;
  lastQueryAt: string | null;
};

async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: common });
  const target = apiTargetOf(values, io.env);
  const { partners } = await callApi<{ partners: Report[] }>(target, 'GET', '/matching/reports');
  if (values.json) {
    println(io, JSON.stringify({ partners }, null, 2));
    return 0;
  }
  for (const p of partners)
    println(
      io,
      `${p.partner}  made: ${p.made.queries} checks, ${p.made.items} items, ${p.made.hits} hits  received: ${p.received.queries} checks, ${p.received.items} items, ${p.received.refused} refused  today ${p.evaluationsToday}/${p.dailyQuota} evaluations  last ${p.lastQueryAt ?? '-'}`,
    );
  return 0;
}

type Holding = {
  id: string;
  source: string;
  kind: string;
  crimeAreas: string[];
  entity: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
};

async function runHoldings(args: string[], io: CliIo): Promise<number> {
  const [action, ...more] = args;
  const { values, positionals } = parseArgs({
    args: more,
    allowPositionals: true,
    options: {
      ...common,
      source: { type: 'string' },
      'crime-areas': { type: 'string' },
      file: { type: 'string' },
    },
  });
  const usage = 'passerelle match holdings list|add|withdraw';
  if (action !== 'list' && action !== 'add' && action !== 'withdraw') throw new UsageError(usage);
  const target = apiTargetOf(values, io.env);
  if (action === 'list') {
    const { holdings } = await callApi<{ holdings: Holding[] }>(target, 'GET', '/matching/holdings');
    if (values.json) println(io, JSON.stringify({ holdings }, null, 2));
    else
      for (const h of holdings)
        println(
          io,
          `${h.id}  ${h.kind}  ${h.source}  [${h.crimeAreas.join(',')}]  ${h.createdAt} by ${h.createdBy}`,
        );
    return 0;
  }
  if (action === 'withdraw') {
    const [id] = positionals;
    if (!id || positionals.length !== 1) throw new UsageError('passerelle match holdings withdraw ID');
    await callApi(target, 'DELETE', `/matching/holdings/${encodeURIComponent(id)}`);
    if (values.json) println(io, JSON.stringify({ withdrawn: id }));
    else println(io, `withdrawn ${id}`);
    return 0;
  }
  if (!values.source) throw new UsageError('--source is required: where the records come from');
  if (!values['crime-areas']) throw new UsageError('--crime-areas is required (comma-separated)');
  if (!values.file) throw new UsageError('--file is required: a JSON array of entities');
  let entities: unknown;
  try {
    entities = JSON.parse(readFileSync(resolve(io.cwd, values.file), 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read ${values.file} as JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(entities)) throw new UsageError(`${values.file} must hold a JSON array of entities`);
  const res = await callApi<{ added: number }>(target, 'POST', '/matching/holdings', {
    source: values.source,
    crimeAreas: list(values['crime-areas']),
    entities,
  });
  if (values.json) println(io, JSON.stringify(res));
  else println(io, `registered ${res.added} record(s) for matching`);
  return 0;
}

/** `passerelle match`: check, index status|rebuild, policy show|set, report, holdings. */
export async function runMatch(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'policy') return runPolicy(rest, io);
  if (sub === 'report') return runReport(rest, io);
  if (sub === 'holdings') return runHoldings(rest, io);
  if (sub === 'index') {
    const [action, ...more] = rest;
    const { values } = parseArgs({ args: more, options: common });
    const target = apiTargetOf(values, io.env);
    if (action !== 'status' && action !== 'rebuild')
      throw new UsageError('passerelle match index status|rebuild');
    const status = await callApi<Record<string, unknown>>(
      target,
      action === 'status' ? 'GET' : 'POST',
      action === 'status' ? '/matching/index' : '/matching/index/rebuild',
    );
    if (values.json) println(io, JSON.stringify(status, null, 2));
    else {
      println(io, `epoch ${status.epoch} (${status.suite}), version ${status.version}`);
      println(
        io,
        `${status.records} records, ${status.tokens} tokens, ${status.filterBytes} filter bytes (${status.bytesPerRecord} per record)`,
      );
      println(io, `by type: ${JSON.stringify(status.recordsByType)}`);
      println(
        io,
        `key created ${status.keyCreatedAt ?? '-'} (${status.keyAgeDays ?? '-'} days; rotation every ${status.rotationDays})`,
      );
      println(io, `last refresh ${status.lastRefreshAt ?? '-'}`);
    }
    return 0;
  }
  if (sub !== 'check') throw new UsageError(matchHelp);
  const { values } = parseArgs({
    args: rest,
    options: {
      ...common,
      partner: { type: 'string' },
      purpose: { type: 'string' },
      'legal-basis': { type: 'string' },
      name: { type: 'string', multiple: true },
      'birth-year': { type: 'string' },
      passport: { type: 'string' },
      country: { type: 'string' },
      phone: { type: 'string' },
      imo: { type: 'string' },
      mmsi: { type: 'string' },
      iban: { type: 'string' },
      csv: { type: 'string' },
    },
  });
  if (!values.partner) throw new UsageError('--partner is required: the node to check with');
  if (!values.purpose) throw new UsageError('--purpose is required: say why the check is made');
  if (!values['legal-basis']) throw new UsageError('--legal-basis is required');
  const target = apiTargetOf(values, io.env);
  const base = { partner: values.partner, purpose: values.purpose, legalBasis: values['legal-basis'] };
  if (values.csv) {
    let csv: string;
    try {
      csv = readFileSync(resolve(io.cwd, values.csv), 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${values.csv}: ${(err as Error).message}`);
    }
    type Batch = {
      id: string;
      status: string;
      done: number;
      total: number;
      hits: number;
      error: string | null;
    };
    let batch = await callApi<Batch>(target, 'POST', '/matching/batches', { ...base, csv });
    while (batch.status === 'running') {
      io.stderr.write(`\rchecked ${batch.done}/${batch.total}`);
      await new Promise((r) => setTimeout(r, 250));
      batch = await callApi<Batch>(target, 'GET', `/matching/batches/${batch.id}`);
    }
    io.stderr.write(`\rchecked ${batch.done}/${batch.total}: ${batch.hits} hits\n`);
    if (batch.status === 'failed')
      throw new ApiCallError(500, 'batch_failed', batch.error ?? 'the batch failed');
    const res = await callApi<{ results: CheckResult[] }>(
      target,
      'GET',
      `/matching/batches/${batch.id}/results`,
    );
    return printResults(io, res.results, values.json);
  }
  const item = itemFromFlags(values);
  const res = await callApi<CheckResponse>(target, 'POST', '/matching/checks', { ...base, items: [item] });
  return printResults(io, res.results, values.json);
}
