/**
 * Data-subject requests (access, rectification, erasure): the DPO finds everything the node
 * holds on a person, across modules and scripts, exports it as a report, and corrects or
 * erases it, every step audited. Each feature module that holds persons registers a
 * {@link SubjectRecordSource}; this service asks them all.
 */
import { z } from 'zod';
import { appendAudit, type Clock, type Db, NotFoundError, type Tx } from '../platform/index.js';
import { type Actor, auditActor, requirePermission } from './roles.js';

export const subjectNameSchema = z
  .object({
    given: z.string().trim().min(1).max(200).optional(),
    family: z.string().trim().min(1).max(200).optional(),
    father: z.string().trim().min(1).max(200).optional(),
    full: z.string().trim().min(1).max(400).optional(),
  })
  .refine((n) => Object.values(n).some((v) => v !== undefined), 'Give at least one part of the name');

export const subjectSearchSchema = z.object({
  name: subjectNameSchema,
  /** Lowest similarity (names engine, [0, 1]) reported; 0.8 by default. */
  threshold: z.number().min(0.5).max(1).default(0.8),
  /** The request's reference: who asked, under which law. */
  reference: z.string().trim().min(3).max(500),
});
/** A search for a data subject. */
export type SubjectSearch = z.infer<typeof subjectSearchSchema>;

export const subjectHitSchema = z.object({
  module: z.string(),
  recordKind: z.string(),
  recordId: z.string(),
  /** The entity inside the record (e.g. `p1` in a message). */
  entityId: z.string(),
  score: z.number(),
  /** The matched name as written, and every other name of that entity. */
  matchedName: z.record(z.string(), z.string()),
  names: z.array(z.record(z.string(), z.unknown())),
  role: z.string().nullable(),
  partner: z.string().nullable(),
  direction: z.string().nullable(),
  createdAt: z.string(),
  /** Markings of the record the person appears in. */
  handlingCode: z.string().nullable(),
  tlp: z.string().nullable(),
  purpose: z.string().nullable(),
});
/** One place where the node holds the person. */
export type SubjectHit = z.infer<typeof subjectHitSchema>;

export const subjectReportSchema = z.object({
  reference: z.string(),
  query: subjectNameSchema,
  threshold: z.number(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  hits: z.array(subjectHitSchema),
});
/** The DPO's report on a data subject. */
export type SubjectReport = z.infer<typeof subjectReportSchema>;

export const subjectChangeSchema = z.object({
  module: z.string().min(1).max(40),
  recordId: z.uuid(),
  entityId: z.string().min(1).max(100),
  action: z.enum(['erase', 'correct']),
  /** For `correct`: the names that replace the entity's names. */
  names: z.array(z.record(z.string(), z.string())).max(50).optional(),
  reference: z.string().trim().min(3).max(500),
});
/** An erasure or rectification of one person entity. */
export type SubjectChange = z.infer<typeof subjectChangeSchema>;

/** A feature module that holds persons. */
export interface SubjectRecordSource {
  module: string;
  /** Every person entity whose names score at least `threshold` against `name`. */
  find(name: z.infer<typeof subjectNameSchema>, threshold: number): Promise<Omit<SubjectHit, 'module'>[]>;
  /** Erases or corrects one entity inside the caller's transaction; false if not found. */
  change(tx: Tx, change: SubjectChange): Promise<boolean>;
}

/** Data-subject requests over every registered source. */
export class SubjectRequestService {
  readonly #sources = new Map<string, SubjectRecordSource>();
  constructor(private readonly o: { db: Db; clock: Clock }) {}

  /** Adds a module's records to subject requests. */
  register(source: SubjectRecordSource): void {
    this.#sources.set(source.module, source);
  }

  /** Finds the person everywhere; the search itself is audited with its reference. */
  async search(actor: Actor, input: SubjectSearch): Promise<SubjectReport> {
    requirePermission(actor, 'subject.request');
    const hits: SubjectHit[] = [];
    for (const source of this.#sources.values()) {
      for (const h of await source.find(input.name, input.threshold))
        hits.push({ module: source.module, ...h });
    }
    hits.sort((a, b) => b.score - a.score || a.createdAt.localeCompare(b.createdAt));
    const now = this.o.clock.now();
    await this.o.db.transaction().execute((tx) =>
      appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'subject.search',
        subject: `subject-request:${input.reference}`,
        detail: { name: input.name, threshold: input.threshold, hits: hits.length },
      }),
    );
    return {
      reference: input.reference,
      query: input.name,
      threshold: input.threshold,
      generatedAt: now.toISOString(),
      generatedBy: auditActor(actor),
      hits,
    };
  }

  /** Erases or corrects one person entity, with an audit tombstone of what was changed. */
  async change(actor: Actor, input: SubjectChange): Promise<void> {
    requirePermission(actor, 'subject.request');
    const source = this.#sources.get(input.module);
    if (!source) throw new NotFoundError(`No module ${input.module} holds persons`);
    await this.o.db.transaction().execute(async (tx) => {
      if (!(await source.change(tx, input))) throw new NotFoundError('No such person entity');
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: input.action === 'erase' ? 'subject.erase' : 'subject.correct',
        subject: `${input.module}:${input.recordId}#${input.entityId}`,
        detail: { reference: input.reference, ...(input.names ? { names: input.names.length } : {}) },
      });
    });
  }
}
