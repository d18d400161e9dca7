/**
 * The case graph as GraphML (the GraphML 1.0 schema, http://graphml.graphdrawing.org/) for
 * Gephi, yEd, Analyst's Notebook importers, or as JSON. The handling code and TLP of the case
 * travel in the file's graph attributes.
 */
import type { GraphEntity, GraphLink } from './network.js';

/** What the export carries besides the graph. */
export interface GraphExportHeader {
  caseId: string;
  title: string;
  handlingCode: string;
  tlp: string;
  exportedAt: string;
  exportedBy: string;
}

function xml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** GraphML document of the resolved graph. */
export function toGraphml(h: GraphExportHeader, entities: GraphEntity[], links: GraphLink[]): string {
  const keys = [
    ['g_case', 'graph', 'caseId'],
    ['g_title', 'graph', 'title'],
    ['g_handling', 'graph', 'handlingCode'],
    ['g_tlp', 'graph', 'tlp'],
    ['g_exported', 'graph', 'exportedAt'],
    ['n_label', 'node', 'label'],
    ['n_kind', 'node', 'kind'],
    ['n_role', 'node', 'role'],
    ['n_ids', 'node', 'identifiers'],
    ['n_synthetic', 'node', 'synthetic'],
    ['e_type', 'edge', 'type'],
    ['e_at', 'edge', 'at'],
    ['e_weight', 'edge', 'weight'],
    ['e_eval', 'edge', 'evaluation'],
  ];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(
      ([id, on, name]) =>
        `  <key id="${id}" for="${on}" attr.name="${name}" attr.type="${id === 'e_weight' ? 'double' : id === 'n_synthetic' ? 'boolean' : 'string'}"/>`,
    ),
    `  <graph id="${xml(h.caseId)}" edgedefault="directed">`,
    `    <data key="g_case">${xml(h.caseId)}</data>`,
    `    <data key="g_title">${xml(h.title)}</data>`,
    `    <data key="g_handling">${xml(h.handlingCode)}</data>`,
    `    <data key="g_tlp">${xml(h.tlp)}</data>`,
    `    <data key="g_exported">${xml(h.exportedAt)}</data>`,
  ];
  for (const e of entities) {
    out.push(
      `    <node id="${xml(e.id)}"><data key="n_label">${xml(e.label)}</data><data key="n_kind">${e.kind}</data>` +
        `<data key="n_role">${e.role ?? ''}</data><data key="n_ids">${xml(e.identifiers.join('|'))}</data>` +
        `<data key="n_synthetic">${e.synthetic}</data></node>`,
    );
  }
  for (const l of links) {
    out.push(
      `    <edge id="${xml(l.id)}" source="${xml(l.from)}" target="${xml(l.to)}"><data key="e_type">${l.type}</data>` +
        `<data key="e_at">${xml(l.at ?? '')}</data><data key="e_weight">${l.weight}</data>` +
        `<data key="e_eval">${l.evaluation.source}${l.evaluation.accuracy}</data></edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** JSON form of the resolved graph. */
export function toGraphJson(h: GraphExportHeader, entities: GraphEntity[], links: GraphLink[]) {
  return { case: h, entities, links };
}
