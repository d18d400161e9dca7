import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CaseSummary, CaseView } from '../cases/index.js';
import { ApiCallError, apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const caseHelp = `Usage: passerelle case list [--q TEXT] [--json]
       passerelle case show CASE_ID [--json]
       passerelle case export CASE_ID --format pdf|graphml|json [--out FILE]

Joint cases shared with partners, through the node's API. Only the cases the token's
user is a member of exist for it.

  list           the cases you are a member of (--q searches titles, names, identifiers)
  show           one case: markings, members, tasks, documents, linked records, entities by role, conflicts
  export         the report as PDF (handling code on every page) or the graph as
                 GraphML or JSON; written to --out (default case-<id>.<format>)
  --json         machine-readable output
  --url, --token node API (default PASSERELLE_URL / PASSERELLE_TOKEN)`;

function printSummary(io: CliIo, c: CaseSummary): void {
  const shared = c.partners.length > 0 ? ` shared with ${c.partners.join(', ')}` : '';
  const withdrawn = c.withdrawnAt ? ' [withdrawn by the owner: read-only]' : '';
  println(io, `${c.id}  ${c.handlingCode} TLP:${c.tlp}  ${c.status.padEnd(9)} ${c.title}`);
  println(io, `    owner ${c.owner}${shared}; ${c.entityCount} entities, ${c.linkCount} links${withdrawn}`);
}

function printCase(io: CliIo, v: CaseView): void {
  printSummary(io, v);
  println(io, `    crime areas: ${v.crimeAreas.join(', ')}; legal basis: ${v.legalBasis}`);
  if (v.summary) println(io, `    ${v.summary}`);
  println(io, `Members: ${v.members.map((m) => `${m.username}@${m.node} (${m.role})`).join(', ')}`);
  if (v.tasks.length > 0) {
    println(io, 'Tasks:');
    for (const t of v.tasks)
      println(
        io,
        `  [${t.status === 'done' ? 'x' : ' '}] ${t.title} — ${t.owner}${t.deadline ? `, by ${t.deadline}` : ''}`,
      );
  }
  if (v.documents.length > 0) {
    println(io, 'Documents:');
    for (const d of v.documents) {
      const f = d.file as { name: string; size: number } | null | undefined;
      const code = (d.handlingCode as string | undefined) ?? v.handlingCode;
      println(io, `  ${code} ${d.title}${f ? ` — ${f.name}, ${f.size} bytes (${d.id})` : ''}`);
    }
  }
  if (v.references.length > 0) {
    println(io, 'Linked records:');
    for (const r of v.references)
      println(io, `  ${r.kind} ${r.refId}${r.label ? ` — ${r.label}` : ''}${r.node ? ` (${r.node})` : ''}`);
  }
  const byRole = new Map<string, string[]>();
  for (const e of v.entities) {
    if (e.mergedInto) continue;
    const key = (e.role as string | null) ?? (e.kind as string);
    byRole.set(key, [...(byRole.get(key) ?? []), String(e.label)]);
  }
  if (byRole.size > 0) {
    println(io, 'Entities:');
    for (const [role, labels] of [...byRole].sort())
      println(io, `  ${role.replace(/_/g, ' ')}: ${labels.join('; ')}`);
  }
  if (v.conflicts.length > 0) {
    println(io, 'Concurrent edits (the overwritten value is kept here):');
    for (const c of v.conflicts) {
      println(
        io,
        `  ${c.target} ${c.field}: kept ${JSON.stringify(c.kept)} (${c.keptBy}), overwritten ${JSON.stringify(c.lost)} (${c.lostBy})`,
      );
    }
  }
}

/** `passerelle case list|show|export`. */
export async function runCase(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      url: { type: 'string' },
      token: { type: 'string' },
      q: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [sub, id] = positionals;
  const target = apiTargetOf(values, io.env);
  switch (sub) {
    case 'list': {
      const q = values.q ? `?q=${encodeURIComponent(values.q)}` : '';
      const { cases } = await callApi<{ cases: CaseSummary[] }>(target, 'GET', `/cases${q}`);
      if (values.json) println(io, JSON.stringify(cases, null, 2));
      else if (cases.length === 0) println(io, 'no case');
      else for (const c of cases) printSummary(io, c);
      return 0;
    }
    case 'show': {
      if (!id) throw new UsageError('give the case id: passerelle case show CASE_ID');
      const view = await callApi<CaseView>(target, 'GET', `/cases/${encodeURIComponent(id)}`);
      if (values.json) println(io, JSON.stringify(view, null, 2));
      else printCase(io, view);
      return 0;
    }
    case 'export': {
      if (!id) throw new UsageError('give the case id: passerelle case export CASE_ID --format pdf');
      const format = values.format ?? '';
      if (!['pdf', 'graphml', 'json'].includes(format))
        throw new UsageError('--format must be pdf, graphml or json');
      let res: Response;
      try {
        res = await fetch(`${target.url}/api/v1/cases/${encodeURIComponent(id)}/export?format=${format}`, {
          headers: { authorization: `Bearer ${target.token}` },
        });
      } catch (err) {
        throw new ApiCallError(0, 'network', `cannot reach ${target.url}: ${(err as Error).message}`);
      }
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { code?: string; message?: string };
        } | null;
        throw new ApiCallError(
          res.status,
          body?.error?.code ?? 'http_error',
          body?.error?.message ?? `HTTP ${res.status}`,
        );
      }
      const bytes = Buffer.from(await res.arrayBuffer());
      const out = values.out ?? `case-${id}.${format}`;
      writeFileSync(resolve(io.cwd, out), bytes);
      if (values.json) println(io, JSON.stringify({ file: out, bytes: bytes.length, format }));
      else println(io, `${format} export written to ${out} (${bytes.length} bytes)`);
      return 0;
    }
    default:
      throw new UsageError(`unknown subcommand "${sub ?? ''}": list, show or export`);
  }
}
