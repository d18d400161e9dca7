import { ApiCallError, type ApiTarget, callApi } from './api-client.js';
import { type CliIo, println } from './io.js';

// The demo's hit/no-hit step (DESIGN §7). Rabat checks the phone numbers and names found on the
// phones of the Dakhla shipwreck survivors against Islamabad's records, without showing them
// to Islamabad: two hits (a phone, and a name that Islamabad holds in Urdu script only, found
// through the transliteration variant), then a follow-up request carrying the hit reference.
// Every person and number here is SYNTHETIC and marked so.

interface DemoNode {
  id: string;
  admin: ApiTarget;
  liaison: ApiTarget;
  dpo?: ApiTarget;
}

/** Islamabad's records registered for matching (synthetic). */
const ISLAMABAD_HOLDINGS = {
  source: 'FIA anti-smuggling circle, suspects file [SYNTHETIC DEMO RECORDS]',
  crimeAreas: ['migrant_smuggling'],
  entities: [
    {
      kind: 'person',
      id: 'h1',
      role: 'suspect',
      synthetic: true,
      names: [{ full: 'محمد رفیق بٹ', script: 'Arab', lang: 'ur' }],
      datesOfBirth: ['1984'],
      description: 'Synthetic demo suspect: agent arranging crossings via Libya',
    },
    { kind: 'phone', id: 'h2', number: '+923451234567', label: 'Synthetic demo number' },
    {
      kind: 'person',
      id: 'h3',
      role: 'suspect',
      synthetic: true,
      names: [{ full: 'Shahid Iqbal Mirza', script: 'Latn' }],
      datesOfBirth: ['1979'],
      description: 'Synthetic demo suspect',
    },
  ],
};

/** What the survivors' phones held (synthetic), as Rabat's officer types it. */
const FOUND_ON_PHONES = [
  { kind: 'phone', number: '+923451234567' },
  { kind: 'phone', number: '+923339876543' },
  { kind: 'person', names: ['Mohammed Rafik Butt'], birthYear: 1984 },
  { kind: 'person', names: ['Yasir Ahmed Khan'] },
];

const GROUNDS = {
  purpose: 'Identify the smugglers behind the Dakhla shipwreck of 15 January 2025 [DEMO]',
  legalBasis: 'Bilateral agreement on security cooperation (demo), article on exchange of information',
};

/** Plays the step once (the scenario state remembers it). */
export async function playMatchingStep(
  rabat: DemoNode,
  islamabad: DemoNode,
  io: CliIo,
  state: { matched?: boolean },
): Promise<void> {
  if (state.matched) return;
  if (!islamabad.dpo) {
    println(io, 'Demo: hit/no-hit step skipped (Islamabad has no DPO account to set the matching policy).');
    return;
  }
  await callApi(islamabad.admin, 'POST', '/matching/holdings', ISLAMABAD_HOLDINGS);
  await callApi(islamabad.dpo, 'PUT', `/matching/policies/${rabat.id}`, {
    enabled: true,
    recordTypes: ['person', 'identity_document', 'phone', 'vessel'],
    crimeAreas: ['migrant_smuggling', 'trafficking_in_persons'],
    dailyQuota: 50_000,
  });
  const res = await callApi<{
    results: Array<{ hit: boolean; hitRefs: string[]; item: Record<string, unknown> }>;
  }>(rabat.liaison, 'POST', '/matching/checks', {
    partner: islamabad.id,
    ...GROUNDS,
    items: FOUND_ON_PHONES,
  });
  for (const r of res.results) {
    const what = (r.item.number as string | undefined) ?? (r.item.names as string[]).join(' / ');
    println(
      io,
      `Demo: hit/no-hit ${islamabad.id}: ${what} → ${r.hit ? `HIT ${r.hitRefs.join(' ')}` : 'no hit'}`,
    );
  }
  const nameHit = res.results.find((r) => r.hit && r.item.kind === 'person');
  if (nameHit) {
    const sent = await callApi<{ messageId: string }>(rabat.liaison, 'POST', '/matching/follow-ups', {
      partner: islamabad.id,
      hitRef: nameHit.hitRefs[0],
      crimeAreas: ['migrant_smuggling'],
      ...GROUNDS,
      question:
        "SYNTHETIC DEMO. A name found on a survivor's phone hit your record. Please tell us what you can disclose about this person.",
    });
    println(
      io,
      `Demo: follow-up rfi ${sent.messageId} sent to ${islamabad.id} with hit reference ${nameHit.hitRefs[0]}.`,
    );
    await showFollowUpAtHolder(islamabad, sent.messageId, io);
  }
  state.matched = true;
}

type FollowUp = {
  hitRef: string;
  records: Array<{ recordType: string; entity: Record<string, unknown> | null }>;
};

/** Islamabad's liaison opens the rfi once delivered: the record its hit reference points at. */
async function showFollowUpAtHolder(islamabad: DemoNode, messageId: string, io: CliIo): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      const f = await callApi<FollowUp>(islamabad.liaison, 'GET', `/matching/follow-ups/${messageId}`);
      for (const r of f.records) {
        const names = (r.entity?.names as Array<{ full: string }> | undefined)
          ?.map((n) => n.full)
          .join(' / ');
        println(
          io,
          `Demo: ${islamabad.id} opens the rfi: ${f.hitRef} is its ${r.recordType} record ${names ?? ''} (the officer decides what to disclose).`,
        );
      }
      return;
    } catch (err) {
      // Not delivered yet: the outbox worker sends it within a few seconds.
      if (!(err instanceof ApiCallError) || err.status !== 404) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  println(io, `Demo: the rfi has not reached ${islamabad.id} yet; open it there in Exchange.`);
}
