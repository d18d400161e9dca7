import { existsSync } from 'node:fs';
import { findIomIncident } from '../incidents/index.js';
import { ApiCallError, type ApiTarget, callApi } from './api-client.js';
import { playCasesStep } from './demo-cases.js';
import { playIncidentsStep } from './demo-incidents.js';
import { playMatchingStep } from './demo-matching.js';
import { playScreeningStep } from './demo-screening.js';
import { type CliIo, println } from './io.js';

// The demo's seeded story, played through the nodes' public HTTP API exactly as officers
// would: the two administrators pair their nodes, then Rabat asks Islamabad about the
// smugglers behind the shipwreck of 15 January 2025 off Dakhla, and Islamabad answers.
// Incident figures come from the IOM Missing Migrants Project record (aggregate, public);
// every person, phone and document is synthetic and marked so (DESIGN §10).

/** API access to one demo node as its administrator and its liaison officer. */
export interface DemoNodeAccess {
  id: string;
  admin: ApiTarget;
  liaison: ApiTarget;
  /** The data-protection officer, who reviews outgoing personal data. */
  dpo?: ApiTarget;
  /** The DVI coordinator (victim identification). */
  dvi?: ApiTarget;
}

/** Progress of the seeded story, saved so a restart does not play it twice. */
export interface ScenarioState {
  paired?: boolean;
  /** Islamabad's DPO adopted a standing sharing policy for replies to Rabat. */
  policy?: boolean;
  exchanged?: boolean;
  /** A second request left waiting in Rabat's review queue for the visitor to decide. */
  waiting?: boolean;
  checkpointed?: boolean;
  screened?: boolean;
  /** The joint case on the Dakhla network, shared by Rabat with Islamabad. */
  cased?: boolean;
  /** The Dakhla incident's victim identification was played. */
  incidents?: boolean;
}

const DAY = 86_400_000;

async function pair(a: DemoNodeAccess, b: DemoNodeAccess): Promise<void> {
  const card = await callApi<{ cardJws: string; fingerprint: { text: string } }>(
    a.admin,
    'GET',
    '/node/card',
  );
  try {
    await callApi(b.admin, 'POST', '/partners', { cardJws: card.cardJws });
  } catch (err) {
    if (!(err instanceof ApiCallError && err.code === 'partner_exists')) throw err;
  }
  // In real life the two administrators read the fingerprint to each other by phone.
  await callApi(b.admin, 'POST', `/partners/${a.id}/verify`, { fingerprint: card.fingerprint.text });
}

async function waitForMessage(target: ApiTarget, query: string, match: (m: { subject: string }) => boolean) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { messages } = await callApi<{ messages: Array<{ id: string; subject: string }> }>(
      target,
      'GET',
      `/messages?${query}`,
    );
    const found = messages.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the demo message did not arrive within 60 s');
}

function common(now: number) {
  return {
    language: 'fr',
    crimeAreas: ['migrant_smuggling', 'trafficking_in_persons'],
    legalBasis: 'Bilateral agreement on security cooperation (demo), article on exchange of information',
    purpose: 'Identify and dismantle the network that organised the crossing; identify the victims',
    retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
  };
}

/** Plays the seeded story; each step is skipped when `state` says it was done. */
export async function playDemoScenario(
  rabat: DemoNodeAccess,
  islamabad: DemoNodeAccess,
  state: ScenarioState,
  io: CliIo,
  iomCsv: string,
): Promise<ScenarioState> {
  if (!state.paired) {
    await pair(rabat, islamabad);
    await pair(islamabad, rabat);
    state.paired = true;
    println(io, 'Demo: ma-dgsn and pk-fia paired (fingerprints verified).');
  }
  if (!state.policy && islamabad.dpo) {
    // A standing, documented policy: Islamabad's answers to Rabat about migrant smuggling
    // leave without case-by-case review (DESIGN §8).
    await callApi(islamabad.dpo, 'POST', '/sharing-policies', {
      partner: rabat.id,
      crimeArea: null,
      maxHandlingCode: 'H2',
      dataCategories: ['persons', 'identity_documents', 'phones'],
      description:
        'Bilateral agreement on security cooperation (demo), exchange of information on migrant smuggling and trafficking networks',
    });
    state.policy = true;
    println(io, 'Demo: pk-fia DPO adopted a standing sharing policy for answers to ma-dgsn.');
  }
  if (!state.exchanged) {
    const incident = existsSync(iomCsv) ? await findIomIncident(iomCsv, '2025.MMP0019') : null;
    const figures = incident
      ? `Selon le projet Migrants disparus de l'OIM (fiche ${incident.iomId}, CC BY 4.0), le naufrage du ${incident.date} ` +
        `(${incident.place}) a fait ${incident.dead} morts et ${incident.missing} disparus ; ${incident.survivors} survivants. ` +
        `Origine déclarée : ${incident.originCountries.join(', ')}.`
      : `Voir la fiche 2025.MMP0019 du projet Migrants disparus de l'OIM (fichier IOM indisponible sur ce nœud).`;
    const now = Date.now();
    const rfi = {
      ...common(now),
      type: 'rfi',
      subject:
        'Naufrage au large de Dakhla (15/01/2025) : passeurs signalés par les survivants [DÉMO SYNTHÉTIQUE]',
      body:
        `${figures}\n\nLes survivants désignent un intermédiaire qui aurait organisé le départ depuis la Mauritanie et ` +
        'encaissé les paiements au Pakistan. Vos services connaissent-ils la personne et le numéro ci-dessous ? ' +
        'Toutes les personnes et tous les identifiants de ce message sont synthétiques (démonstration).',
      priority: 'urgent',
      deadline: new Date(now + 3 * DAY).toISOString(),
      handlingCode: 'H1',
      tlp: 'AMBER',
      evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
      entities: [
        {
          kind: 'person',
          id: 'p1',
          role: 'suspect',
          synthetic: true,
          names: [
            { given: 'Tariq', family: 'Mehmood', script: 'Latn' },
            { full: 'طارق محمود', script: 'Arab', lang: 'ur' },
          ],
          sex: 'male',
          datesOfBirth: ['1984'],
          nationalities: ['PK'],
          description: 'Synthetic demo person: recruiter named by survivors',
        },
        { kind: 'phone', id: 'ph1', number: '+923001234567', country: 'PK', label: 'Synthetic demo number' },
        {
          kind: 'relationship',
          id: 'r1',
          relationshipType: 'uses',
          from: { ref: 'p1' },
          to: { ref: 'ph1' },
        },
      ],
    };
    const sent = await callApi<{ message: { id: string; status: string } }>(
      rabat.liaison,
      'POST',
      '/messages',
      {
        recipient: islamabad.id,
        message: rfi,
      },
    );
    if (sent.message.status === 'held' && rabat.dpo) {
      // Personal data to a partner with no standing policy: Rabat's DPO reviews it first.
      println(io, `Demo: request ${sent.message.id} held for ma-dgsn DPO review (personal data).`);
      await callApi(rabat.dpo, 'POST', `/reviews/${sent.message.id}/approve`, {
        note: 'Necessary and proportionate: suspects named by survivors (demo)',
      });
      println(io, 'Demo: ma-dgsn DPO approved it; it leaves for pk-fia.');
    }
    const received = await waitForMessage(
      islamabad.liaison,
      'direction=in&type=rfi',
      (m) => m.subject === rfi.subject,
    );
    await callApi(islamabad.liaison, 'POST', `/messages/${received.id}/ack`, { status: 'accepted' });
    const reply = {
      ...common(now),
      type: 'reply',
      inReplyTo: received.id,
      subject: `Re: ${rfi.subject}`,
      body:
        'La personne est connue de la FIA (dossier de trafic de migrants, 2023). Passeport et second numéro ci-joints. ' +
        'Pas de transmission ultérieure sans accord (H2). Données synthétiques de démonstration.',
      priority: 'urgent',
      handlingCode: 'H2',
      tlp: 'AMBER',
      evaluation: { sourceReliability: 'A', informationAccuracy: 2 },
      entities: [
        {
          kind: 'person',
          id: 'p1',
          role: 'suspect',
          synthetic: true,
          names: [
            { given: 'Tariq', family: 'Mahmood', father: 'Ghulam Rasool', script: 'Latn' },
            { full: 'طارق محمود', script: 'Arab', lang: 'ur' },
          ],
          sex: 'male',
          datesOfBirth: ['1984-03-12'],
          nationalities: ['PK'],
          description: 'Synthetic demo person',
        },
        {
          kind: 'identity_document',
          id: 'd1',
          documentType: 'passport',
          number: 'ZX1234567',
          issuingCountry: 'PK',
          holderRef: 'p1',
        },
        { kind: 'phone', id: 'ph2', number: '+923331234567', country: 'PK', label: 'Synthetic demo number' },
      ],
    };
    await callApi(islamabad.liaison, 'POST', '/messages', { recipient: rabat.id, message: reply });
    await waitForMessage(rabat.liaison, 'direction=in&type=reply', (m) => m.subject === reply.subject);
    state.exchanged = true;
    println(io, `Demo: request ${sent.message.id} from ma-dgsn answered by pk-fia.`);
  }
  if (!state.waiting) {
    const now = Date.now();
    const held = await callApi<{ message: { id: string } }>(rabat.liaison, 'POST', '/messages', {
      recipient: islamabad.id,
      message: {
        ...common(now),
        type: 'info',
        subject: 'Numéro utilisé par le recruteur après le naufrage [DÉMO SYNTHÉTIQUE]',
        body: 'Un survivant signale un second numéro utilisé par le recruteur. Données synthétiques de démonstration.',
        priority: 'high',
        handlingCode: 'H1',
        tlp: 'AMBER',
        evaluation: { sourceReliability: 'C', informationAccuracy: 3 },
        entities: [
          {
            kind: 'phone',
            id: 'ph3',
            number: '+923451234567',
            country: 'PK',
            label: 'Synthetic demo number',
          },
        ],
      },
    });
    state.waiting = true;
    println(
      io,
      `Demo: info ${held.message.id} waits in ma-dgsn's DPO review queue (web: DPO page; CLI: passerelle dpo queue).`,
    );
  }
  if (!state.screened) {
    await playScreeningStep(rabat, islamabad, io);
    state.screened = true;
  }
  if (!state.cased) state.cased = Boolean(await playCasesStep(rabat, islamabad, io));
  if (!state.incidents && rabat.dvi && islamabad.dvi)
    state.incidents = await playIncidentsStep(rabat, islamabad, io, iomCsv);
  await playMatchingStep(rabat, islamabad, io, state as { matched?: boolean });
  if (!state.checkpointed) {
    // Each node signs the head of its audit log and hands it to the other (DESIGN §8).
    for (const node of [rabat, islamabad]) await callApi(node.admin, 'POST', '/audit/checkpoints');
    state.checkpointed = true;
    println(io, 'Demo: signed audit checkpoints exchanged.');
  }
  return state;
}
