// Request and view schemas of the incidents module: the incident registry, IOM imports and the
// victim identification records (INTERPOL DVI post-mortem pink and ante-mortem yellow forms).
import { z } from 'zod';

export const INCIDENT_TYPES = [
  'shipwreck',
  'drowning',
  'vehicle_accident',
  'violence',
  'harsh_conditions',
  'sickness',
  'accident',
  'border_death',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

const text = (max = 500) => z.string().trim().min(1).max(max);
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date YYYY-MM-DD (or YYYY-MM, YYYY when only that is known)');
const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');
const count = z.number().int().min(0).max(100_000);

export const incidentSourceSchema = z.object({
  name: text(2000),
  urls: z.array(z.url().max(2000)).max(20),
});

/** What an officer gives to record an incident (or change one). */
export const incidentInputSchema = z.strictObject({
  type: z.enum(INCIDENT_TYPES),
  date: partialDate,
  place: text(1000),
  country: text(100).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  departurePlace: text(500).nullable().optional(),
  departureDate: partialDate.nullable().optional(),
  vessel: text(200).nullable().optional(),
  route: text(200).nullable().optional(),
  aboard: count.nullable().optional(),
  dead: count.nullable().optional(),
  missing: count.nullable().optional(),
  survivors: count.nullable().optional(),
  originCountries: z.array(text(100)).max(50).optional(),
  rescueService: text(300).nullable().optional(),
  rescueCaseNumber: text(100).nullable().optional(),
  sources: z.array(incidentSourceSchema).max(50).optional(),
  jointCaseId: text(100).nullable().optional(),
});
export type IncidentInput = z.infer<typeof incidentInputSchema>;

export const incidentViewSchema = z.object({
  id: z.string(),
  iomId: z.string().nullable(),
  iomMainId: z.string().nullable(),
  type: z.enum(INCIDENT_TYPES),
  date: z.string(),
  year: z.number().nullable(),
  place: z.string(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  departurePlace: z.string().nullable(),
  departureDate: z.string().nullable(),
  vessel: z.string().nullable(),
  route: z.string().nullable(),
  aboard: z.number().nullable(),
  dead: z.number().nullable(),
  missing: z.number().nullable(),
  survivors: z.number().nullable(),
  originCountries: z.array(z.string()),
  cause: z.string().nullable(),
  rescueService: z.string().nullable(),
  rescueCaseNumber: z.string().nullable(),
  sources: z.array(incidentSourceSchema),
  jointCaseId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller is on the incident's DVI team (sees its post- and ante-mortem records). */
  onTeam: z.boolean(),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

export const incidentListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  route: z.string().trim().max(200).optional(),
  origin: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const incidentStatsSchema = z.object({
  total: z.number(),
  byYear: z.array(z.object({ key: z.string(), incidents: z.number(), deadAndMissing: z.number() })),
  byRoute: z.array(z.object({ key: z.string(), incidents: z.number(), deadAndMissing: z.number() })),
  byOrigin: z.array(z.object({ key: z.string(), incidents: z.number(), deadAndMissing: z.number() })),
});
export type IncidentStats = z.infer<typeof incidentStatsSchema>;

export const importViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  layout: z.enum(['iom-export', 'europe-curated']).nullable(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  bytesTotal: z.number(),
  bytesRead: z.number(),
  rowsRead: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ line: z.number(), iomId: z.string().nullable(), message: z.string() })),
  failure: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importViewSchema>;

// --- DVI forms -------------------------------------------------------------------------------

const ageRange = z
  .object({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120) })
  .refine((r) => r.min <= r.max, 'min must not exceed max');
const heightRange = z
  .object({ min: z.number().int().min(30).max(250), max: z.number().int().min(30).max(250) })
  .refine((r) => r.min <= r.max, 'min must not exceed max');
const sex = z.enum(['male', 'female', 'unknown']);

/** A custody step of a sample (who handed it to whom, when). */
const custodyStep = z.object({
  at: z.iso.datetime(),
  from: text(200),
  to: text(200),
  note: text(500).optional(),
});

/** A reference to a sample or record kept elsewhere (fingerprint card, dental chart, DNA sample). */
export const sampleRefSchema = z.object({
  kind: z.enum(['fingerprint', 'dental', 'dna']),
  reference: text(200),
  laboratory: text(300).optional(),
  custody: z.array(custodyStep).max(50).optional(),
});

/** A document found on a body, with the name it carries in any script. */
const documentFound = z.object({
  kind: text(100),
  number: text(100).optional(),
  issuingCountry: country.optional(),
  names: z.array(text(300)).max(10).optional(),
  dateOfBirth: partialDate.optional(),
});

/** The post-mortem form (INTERPOL DVI pink form series, abridged). */
export const postMortemFormSchema = z.strictObject({
  recoveryPlace: text(500),
  recoveredAt: z.iso.datetime(),
  condition: z.enum(['complete', 'incomplete', 'fragmented', 'decomposed', 'skeletonised']),
  sex,
  ageRange: ageRange.optional(),
  heightCm: heightRange.optional(),
  marks: z.array(text(500)).max(30).optional(),
  clothing: z.array(text(500)).max(30).optional(),
  effects: z.array(text(500)).max(30).optional(),
  documents: z.array(documentFound).max(10).optional(),
  photos: z.array(text(300)).max(50).optional(),
  samples: z.array(sampleRefSchema).max(20).optional(),
  storage: text(500).optional(),
  /** The legal basis this record is processed under: its retention period follows it. */
  legalBasis: text(500).optional(),
});
export type PostMortemForm = z.infer<typeof postMortemFormSchema>;

const personName = z.object({
  full: text(300),
  script: z.enum(['Latn', 'Arab', 'Cyrl', 'Other']),
  lang: z.string().max(10).optional(),
});

/** A relative's DNA reference sample: it leaves the node only with the DPO's approval. */
const relativeDna = z.object({
  relative: text(200),
  relationship: text(100),
  reference: text(200),
  consent: z.object({ given: z.literal(true), at: z.iso.datetime(), form: text(200) }),
});

/** The ante-mortem form (INTERPOL DVI yellow form series, abridged). */
export const anteMortemFormSchema = z.strictObject({
  names: z.array(personName).min(1).max(10),
  sex,
  dateOfBirth: partialDate.optional(),
  nationality: country.optional(),
  heightCm: z.number().int().min(30).max(250).optional(),
  description: text(2000).optional(),
  marks: z.array(text(500)).max(30).optional(),
  clothing: z.array(text(500)).max(30).optional(),
  effects: z.array(text(500)).max(30).optional(),
  medical: text(2000).optional(),
  dental: text(2000).optional(),
  documents: z.array(documentFound).max(10).optional(),
  samples: z.array(sampleRefSchema).max(20).optional(),
  relativesDna: z.array(relativeDna).max(10).optional(),
  lastSeen: z.object({ place: text(300), date: partialDate }).optional(),
  family: z
    .array(
      z.object({
        name: text(200),
        relationship: text(100),
        contact: text(300),
        language: text(20).optional(),
      }),
    )
    .max(10)
    .optional(),
  collectedBy: text(200),
  collectedFrom: text(200),
  /** The legal basis this record is processed under: its retention period follows it. */
  legalBasis: text(500).optional(),
});
export type AnteMortemForm = z.infer<typeof anteMortemFormSchema>;

/** A survivor: a victim of smuggling (UN Smuggling Protocol art. 5 and 16), never a suspect. */
export const survivorFormSchema = z.strictObject({
  names: z.array(personName).min(1).max(10),
  sex,
  age: z.number().int().min(0).max(120).optional(),
  nationality: country.optional(),
  assistance: z
    .array(z.object({ kind: text(100), by: text(200), at: z.iso.datetime() }))
    .max(30)
    .optional(),
  consularNotification: z.object({ consulate: text(200), at: z.iso.datetime() }).optional(),
  statementCaseId: text(100).optional(),
});
export type SurvivorForm = z.infer<typeof survivorFormSchema>;

export const recordInputSchema = <T extends z.ZodType>(form: T) =>
  z.strictObject({
    reference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/),
    synthetic: z.boolean(),
    form,
  });

export const pmViewSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  reference: z.string(),
  synthetic: z.boolean(),
  form: postMortemFormSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PostMortemView = z.infer<typeof pmViewSchema>;

export const amViewSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  reference: z.string(),
  synthetic: z.boolean(),
  /** The partner it was received from; null when collected on this node. */
  partner: z.string().nullable(),
  form: anteMortemFormSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnteMortemView = z.infer<typeof amViewSchema>;

export const survivorViewSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  reference: z.string(),
  synthetic: z.boolean(),
  /** Always `victim`: survivors are victims of smuggling and never enter suspect matching. */
  role: z.literal('victim'),
  form: survivorFormSchema,
  createdAt: z.string(),
});
export type SurvivorView = z.infer<typeof survivorViewSchema>;

export const evidenceSchema = z.object({
  factor: z.enum(['name', 'sex', 'age', 'height', 'marks', 'effects', 'dates', 'documents']),
  /** Contribution to the score: positive supports, negative contradicts. */
  weight: z.number(),
  explanation: z.string(),
});

export const candidateSchema = z.object({
  pmId: z.string(),
  pmReference: z.string(),
  amId: z.string(),
  amReference: z.string(),
  score: z.number(),
  evidence: z.array(evidenceSchema),
  /** A board decision already binds one of the two records. */
  locked: z.boolean(),
});
export type CandidateView = z.infer<typeof candidateSchema>;

export const identifierInputSchema = z.strictObject({
  pmId: z.uuid(),
  amId: z.uuid(),
  kind: z.enum(['fingerprint', 'dental', 'dna']),
  expert: text(200),
  note: text(1000).optional(),
});

export const decisionInputSchema = z.strictObject({
  pmId: z.uuid(),
  amId: z.uuid(),
  status: z.enum(['preliminary', 'confirmed']),
  members: z.array(text(200)).min(1).max(20),
  note: text(2000).optional(),
  deathCertificateRef: text(200).optional(),
});

export const identificationViewSchema = z.object({
  id: z.string(),
  pmId: z.string(),
  pmReference: z.string(),
  amId: z.string(),
  amReference: z.string(),
  status: z.enum(['preliminary', 'confirmed']),
  identifiers: z.array(z.string()),
  members: z.array(z.string()),
  note: z.string().nullable(),
  deathCertificateRef: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type IdentificationView = z.infer<typeof identificationViewSchema>;

export const notificationInputSchema = z.strictObject({
  amId: z.uuid(),
  notifiedPerson: text(200),
  relationship: text(100),
  channel: z.enum(['consulate', 'police', 'red_crescent', 'red_cross', 'other']),
  language: z.string().regex(/^[a-z]{2,3}$/),
  support: text(1000).optional(),
  notifiedAt: z.iso.datetime(),
});

export const repatriationInputSchema = z.strictObject({
  pmId: z.uuid(),
  status: z.enum(['planned', 'under_way', 'completed', 'buried']),
  familyWishes: text(1000).optional(),
  laissezPasser: z
    .object({ number: text(100), issuedBy: text(200), issuedAt: partialDate, destination: text(300) })
    .optional(),
  transport: text(500).optional(),
  receivingAuthority: text(300).optional(),
  graveLocation: text(500).optional(),
});

export const BOARD_STATES = ['pending', 'identified', 'notified', 'repatriating', 'repatriated'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const boardEntrySchema = z.object({
  kind: z.enum(['pm', 'am']),
  id: z.string(),
  reference: z.string(),
  /** The matched record's reference, when identified. */
  counterpart: z.string().nullable(),
  state: z.enum(BOARD_STATES),
  /** Where the state comes from: this node or the partner's status message. */
  source: z.string(),
  identificationStatus: z.enum(['preliminary', 'confirmed']).nullable(),
});

export const statusBoardSchema = z.object({
  incidentId: z.string(),
  counts: z.record(z.enum(BOARD_STATES), z.number()),
  entries: z.array(boardEntrySchema),
});
export type StatusBoard = z.infer<typeof statusBoardSchema>;

export const transferViewSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  amId: z.string(),
  amReference: z.string(),
  partner: z.string(),
  status: z.enum(['held', 'sent', 'refused']),
  includesRelativesDna: z.boolean(),
  reasons: z.array(z.string()),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** When the partner told us it purged the record (`dvi.deleted`), and why. */
  partnerDeletedAt: z.string().nullable(),
  partnerDeletedReason: z.enum(['retention', 'erasure']).nullable(),
});
export type TransferView = z.infer<typeof transferViewSchema>;
