/**
 * Exports of a case for its members: the graph (GraphML, JSON) and the PDF report. Each export
 * is audited with its format, since it takes the case's data out of the node's control.
 */
import type { Actor } from '../governance/index.js';
import { buildAnalysisGraph, centrality } from './analysis.js';
import { type GraphExportHeader, toGraphJson, toGraphml } from './graph-export.js';
import { resolvedGraph } from './network.js';
import { renderCaseReport } from './report-pdf.js';
import type { CaseService } from './service.js';
import { liveItems } from './state.js';
import * as store from './store.js';

/** Graph and report exports. */
export class CaseExports {
  constructor(private readonly cases: CaseService) {}

  async #load(actor: Actor, id: string, format: string) {
    const { row, state } = await this.cases.requireCase(actor, id);
    const view = store.caseView(row, state);
    const graph = resolvedGraph(state);
    await this.cases.auditUse(actor, id, 'case.export', { format });
    const header: GraphExportHeader = {
      caseId: id,
      title: view.title,
      handlingCode: view.handlingCode,
      tlp: view.tlp,
      exportedAt: this.cases.o.clock.now().toISOString(),
      exportedBy: `${actor.username}@${this.cases.o.nodeId}`,
    };
    return { view, state, graph, header };
  }

  /** The graph as GraphML text. */
  async graphml(actor: Actor, id: string): Promise<string> {
    const { graph, header } = await this.#load(actor, id, 'graphml');
    return toGraphml(header, graph.entities, graph.links);
  }

  /** The graph as JSON. */
  async graphJson(actor: Actor, id: string) {
    const { graph, header } = await this.#load(actor, id, 'json');
    return toGraphJson(header, graph.entities, graph.links);
  }

  /** The case report as PDF bytes. */
  async report(actor: Actor, id: string): Promise<Uint8Array> {
    const { view, state, graph, header } = await this.#load(actor, id, 'pdf');
    const analysis = buildAnalysisGraph(
      graph.entities.map((e) => ({ id: e.id, label: e.label, kind: e.kind, role: e.role })),
      graph.links,
    );
    const cent = centrality(analysis);
    return renderCaseReport({
      caseId: id,
      title: view.title,
      owner: view.owner,
      status: view.status,
      summary: view.summary,
      crimeAreas: view.crimeAreas,
      legalBasis: view.legalBasis,
      handlingCode: view.handlingCode,
      tlp: view.tlp,
      partners: view.partners,
      entities: graph.entities,
      links: graph.links,
      brokers: new Map(cent.scores.map((s) => [s.id, s.betweenness])),
      events: liveItems(state, 'events').map((e) => ({
        at: String(e.at),
        title: String(e.title),
        description: String(e.description ?? ''),
      })),
      generatedAt: header.exportedAt,
      generatedBy: header.exportedBy,
    });
  }
}
