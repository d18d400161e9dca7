/**
 * The case report as PDF (pdf-lib, pure JavaScript): summary, the link chart drawn as vector
 * graphics, the entity list and the timeline, with the handling code and TLP marking in the
 * header and footer of every page. The standard PDF fonts cover Latin script only (WinAnsi):
 * names in Arabic script are romanised with `src/names` and marked "(romanised)", and other
 * characters the font lacks print as "?" — the export never fails on a name.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { romanizeArabicToken } from '../names/index.js';
import type { GraphEntity, GraphLink } from './network.js';

/** What the report prints. */
export interface CaseReport {
  caseId: string;
  title: string;
  owner: string;
  status: string;
  summary: string;
  crimeAreas: string[];
  legalBasis: string;
  handlingCode: string;
  tlp: string;
  partners: string[];
  entities: GraphEntity[];
  links: GraphLink[];
  /** Entity id → betweenness, to mark brokers in the chart. */
  brokers: Map<string, number>;
  events: { at: string; title: string; description: string }[];
  generatedAt: string;
  generatedBy: string;
}

const HANDLING_TEXT: Record<string, string> = {
  H0: 'H0 - use only to prevent or combat crime',
  H1: 'H1 - not for use in court without permission of the provider',
  H2: 'H2 - no onward transmission without permission of the provider',
  H3: 'H3 - other restrictions apply',
};

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/** Text the standard fonts can print. */
export function printable(text: string): string {
  let romanised = false;
  const words = text.split(/(\s+)/).map((w) => {
    if (!ARABIC.test(w)) return w;
    romanised = true;
    return romanizeArabicToken(w);
  });
  // WinAnsi: Latin-1 plus a few punctuation marks; anything else becomes "?".
  const out = words
    .join('')
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\n\x20-\x7e\xa0-\xff]/g, '?');
  return romanised ? `${out} (romanised)` : out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

interface Writer {
  doc: PDFDocument;
  font: PDFFont;
  bold: PDFFont;
  page: PDFPage;
  y: number;
  report: CaseReport;
}

function marking(r: CaseReport): string {
  return `${HANDLING_TEXT[r.handlingCode] ?? r.handlingCode} | TLP:${r.tlp}`;
}

function newPage(w: Writer): void {
  w.page = w.doc.addPage(A4);
  w.y = A4[1] - MARGIN - 18;
}

function stampPages(w: Writer): void {
  const pages = w.doc.getPages();
  pages.forEach((p, i) => {
    const text = `HANDLING CODE ${marking(w.report)}`;
    p.drawText(text, { x: MARGIN, y: A4[1] - 30, size: 8, font: w.bold, color: rgb(0.6, 0, 0) });
    p.drawText(`${text} | case ${w.report.caseId} | page ${i + 1} of ${pages.length}`, {
      x: MARGIN,
      y: 22,
      size: 7,
      font: w.font,
      color: rgb(0.6, 0, 0),
    });
  });
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of printable(text).split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

function write(w: Writer, text: string, opts: { size?: number; bold?: boolean; indent?: number } = {}): void {
  const size = opts.size ?? 10;
  const font = opts.bold ? w.bold : w.font;
  const x = MARGIN + (opts.indent ?? 0);
  for (const line of wrap(font, text, size, A4[0] - x - MARGIN)) {
    if (w.y < MARGIN + 20) newPage(w);
    w.page.drawText(line, { x, y: w.y, size, font });
    w.y -= size * 1.35;
  }
}

/** Lays entities on a circle by kind, brokers larger and red. */
function drawChart(w: Writer): void {
  const { entities, links, brokers } = w.report;
  newPage(w);
  write(w, 'Link chart', { size: 14, bold: true });
  const cx = A4[0] / 2;
  const cy = A4[1] / 2 - 10;
  const radius = 220;
  const order = [...entities].sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1));
  const pos = new Map<string, { x: number; y: number }>();
  order.forEach((e, i) => {
    const angle = (2 * Math.PI * i) / Math.max(order.length, 1);
    pos.set(e.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  });
  const maxB = Math.max(1e-9, ...brokers.values());
  for (const l of links) {
    const a = pos.get(l.from);
    const b = pos.get(l.to);
    if (a && b) w.page.drawLine({ start: a, end: b, thickness: 0.4, color: rgb(0.55, 0.55, 0.6) });
  }
  for (const e of order) {
    const p = pos.get(e.id)!;
    const share = (brokers.get(e.id) ?? 0) / maxB;
    const broker = share > 0.5;
    w.page.drawCircle({
      x: p.x,
      y: p.y,
      size: 3 + 5 * share,
      color: broker ? rgb(0.8, 0.1, 0.1) : rgb(0.15, 0.35, 0.65),
    });
    w.page.drawText(printable(e.label).slice(0, 28), {
      x: p.x + 6,
      y: p.y - 3,
      size: broker ? 7 : 5.5,
      font: broker ? w.bold : w.font,
    });
  }
  w.y = cy - radius - 40;
  write(
    w,
    'Red: highest betweenness (brokers between parts of the network). Node size grows with betweenness.',
    {
      size: 8,
    },
  );
}

/** Renders the report. */
export async function renderCaseReport(report: CaseReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(`Case report: ${report.title}`));
  doc.setSubject(`HANDLING CODE ${marking(report)}`);
  doc.setProducer('Passerelle');
  doc.setCreationDate(new Date(report.generatedAt));
  const w: Writer = {
    doc,
    font: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    page: doc.addPage(A4),
    y: A4[1] - MARGIN - 18,
    report,
  };
  write(w, report.title, { size: 18, bold: true });
  w.y -= 6;
  write(
    w,
    `Case ${report.caseId} owned by ${report.owner}; shared with ${report.partners.join(', ') || 'no partner'}`,
  );
  write(w, `Status: ${report.status}. Crime areas: ${report.crimeAreas.join(', ')}.`);
  write(w, `Legal basis: ${report.legalBasis}`);
  write(w, `Handling: ${marking(report)}`, { bold: true });
  write(w, `Generated ${report.generatedAt} by ${report.generatedBy}.`);
  w.y -= 8;
  write(w, 'Summary', { size: 13, bold: true });
  write(w, report.summary || '(no summary)');
  w.y -= 8;
  write(w, `${report.entities.length} entities, ${report.links.length} links.`);
  if (report.entities.some((e) => e.synthetic)) {
    write(w, 'SYNTHETIC DATA: entities marked synthetic are invented for demonstration.', { bold: true });
  }
  drawChart(w);
  newPage(w);
  write(w, 'Entities', { size: 14, bold: true });
  const ranked = [...report.entities].sort(
    (a, b) => brokerOf(report, b) - brokerOf(report, a) || (a.label < b.label ? -1 : 1),
  );
  for (const e of ranked) {
    write(
      w,
      `${e.label} - ${e.kind}${e.role ? `, ${e.role.replace(/_/g, ' ')}` : ''}${e.synthetic ? ' [SYNTHETIC]' : ''}` +
        `${e.identifiers.length ? ` - ${e.identifiers.join(', ')}` : ''}` +
        ` - betweenness ${brokerOf(report, e).toFixed(3)}`,
      { size: 9 },
    );
  }
  w.y -= 8;
  write(w, 'Timeline', { size: 14, bold: true });
  const events = [...report.events].sort((a, b) => (a.at < b.at ? -1 : 1));
  if (events.length === 0) write(w, '(no events)');
  for (const ev of events) {
    write(w, `${ev.at}  ${ev.title}`, { size: 9, bold: true });
    if (ev.description) write(w, ev.description, { size: 9, indent: 12 });
  }
  stampPages(w);
  return doc.save();
}

function brokerOf(r: CaseReport, e: GraphEntity): number {
  return r.brokers.get(e.id) ?? 0;
}
