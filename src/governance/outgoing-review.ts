/**
 * Whether outgoing data must wait for the DPO (DESIGN §8): personal data leaves only after
 * review, unless a standing, documented sharing policy covers the partner, crime area,
 * handling code and data categories; anything the neutrality check flags always waits.
 * Urgent threat-to-life messages may leave first and are reviewed after. Pure rules: the
 * feature that sends decides with {@link decideOutgoingReview} and stores the outcome.
 */
import { checkNeutrality, type NeutralityFlag } from './neutrality.js';

/** Entity kinds that are personal data, and the data category each belongs to. */
export const PERSONAL_DATA_CATEGORIES: Readonly<Record<string, string>> = {
  person: 'persons',
  identity_document: 'identity_documents',
  phone: 'phones',
  financial: 'financial',
  vehicle: 'vehicles',
};

/** Data categories a sharing policy may list. */
export const DATA_CATEGORIES = [
  'persons',
  'identity_documents',
  'phones',
  'financial',
  'vehicles',
  'attachments',
] as const;

const HANDLING_ORDER = ['H0', 'H1', 'H2', 'H3'];

/** A standing sharing policy, as the review reads it. */
export interface SharingPolicy {
  id: string;
  partner: string;
  /** Null: any crime area. */
  crimeArea: string | null;
  /** The most restrictive handling code the policy covers. */
  maxHandlingCode: string;
  dataCategories: readonly string[];
}

/** Why a message waits for review. */
export type ReviewFlag =
  | { kind: 'personal_data'; categories: string[] }
  | ({ kind: 'neutrality' } & NeutralityFlag);

/** What the review decides for one outgoing message. */
export interface OutgoingReviewDecision {
  /** `none`: leaves now; `hold`: waits for approval; `after`: leaves now, reviewed after. */
  outcome: 'none' | 'hold' | 'after';
  flags: ReviewFlag[];
  /** The policy that let personal data leave without review. */
  coveredBy: string | null;
}

/** What the review looks at in an outgoing message. */
export interface OutgoingMessageFacts {
  type: string;
  partner: string;
  crimeAreas: readonly string[];
  handlingCode: string;
  priority: string;
  subject: string;
  body: string;
  purpose: string;
  entityKinds: readonly string[];
  hasAttachments: boolean;
}

/** Data categories of personal data a message carries. */
export function dataCategoriesOf(m: Pick<OutgoingMessageFacts, 'entityKinds' | 'hasAttachments'>): string[] {
  const set = new Set<string>();
  for (const k of m.entityKinds) {
    const c = PERSONAL_DATA_CATEGORIES[k];
    if (c) set.add(c);
  }
  if (m.hasAttachments) set.add('attachments');
  return [...set].sort();
}

/** Whether a policy covers a message's partner, crime areas, handling code and categories. */
export function policyCovers(
  p: SharingPolicy,
  m: OutgoingMessageFacts,
  categories: readonly string[],
): boolean {
  return (
    p.partner === m.partner &&
    (p.crimeArea === null || m.crimeAreas.every((a) => a === p.crimeArea)) &&
    HANDLING_ORDER.indexOf(m.handlingCode) <= HANDLING_ORDER.indexOf(p.maxHandlingCode) &&
    categories.every((c) => p.dataCategories.includes(c))
  );
}

/** Decides whether an outgoing message waits for the DPO, leaves first, or leaves. */
export function decideOutgoingReview(
  m: OutgoingMessageFacts,
  policies: readonly SharingPolicy[],
): OutgoingReviewDecision {
  const flags: ReviewFlag[] = [];
  let coveredBy: string | null = null;
  const categories = dataCategoriesOf(m);
  if (categories.length > 0) {
    coveredBy = policies.find((p) => policyCovers(p, m, categories))?.id ?? null;
    if (!coveredBy) flags.push({ kind: 'personal_data', categories });
  }
  let neutral = true;
  if (m.type === 'rfi' || m.type === 'alert') {
    const n = checkNeutrality({ subject: m.subject, body: m.body, purpose: m.purpose });
    for (const f of n.flags) flags.push({ kind: 'neutrality', ...f });
    neutral = !n.flagged;
  }
  if (flags.length === 0) return { outcome: 'none', flags, coveredBy };
  // A life at stake goes first; a neutrality flag never does (INTERPOL Art. 3 comes first).
  const outcome = m.priority === 'threat_to_life' && neutral ? 'after' : 'hold';
  return { outcome, flags, coveredBy };
}
