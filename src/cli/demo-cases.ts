import { type ApiTarget, callApi } from './api-client.js';
import { type CliIo, println } from './io.js';

// The demo's joint-case step (issue #14). Rabat opens a joint case on the network behind the
// crossing that ended in the shipwreck off Dakhla (15 January 2025, IOM record 2025.MMP0019)
// and shares it with Islamabad. EVERY person, phone, account and vessel below is SYNTHETIC,
// invented for the demonstration and marked `synthetic: true`; only the places and the date
// of the shipwreck are real. The network is built so that one facilitator in Nouadhibou is the
// only bridge between the Pakistani side (recruiters, hawala) and the Mauritanian side
// (transport, boat): the centrality view points at him.

/** A demo node as the scenario reaches it. */
interface DemoNode {
  id: string;
  liaison: ApiTarget;
  dpo?: ApiTarget;
}

type Ent = {
  key: string;
  kind: string;
  label: string;
  role?: string;
  aliases?: string[];
  identifiers?: string[];
  nationality?: string;
  lat?: number;
  lon?: number;
};

const PERSONS: Ent[] = [
  {
    key: 'organiser',
    kind: 'person',
    label: 'Tariq Mehmood',
    role: 'organiser',
    aliases: ['طارق محمود'],
    nationality: 'PK',
  },
  { key: 'rec1', kind: 'person', label: 'Asif Javed', role: 'recruiter', nationality: 'PK' },
  { key: 'rec2', kind: 'person', label: 'Naveed Akhtar', role: 'recruiter', nationality: 'PK' },
  { key: 'rec3', kind: 'person', label: 'Shahid Rafiq', role: 'recruiter', nationality: 'PK' },
  { key: 'hawalaPk', kind: 'person', label: 'Haji Bashir Ahmad', role: 'hawala_agent', nationality: 'PK' },
  { key: 'hawalaAe', kind: 'person', label: 'Imran Qureshi', role: 'hawala_agent', nationality: 'PK' },
  { key: 'financier', kind: 'person', label: 'Khalid Mansoor', role: 'financier', nationality: 'AE' },
  {
    key: 'hawalaMr',
    kind: 'person',
    label: 'Ahmed Salem Ould Cheikh',
    role: 'hawala_agent',
    nationality: 'MR',
  },
  {
    key: 'broker',
    kind: 'person',
    label: 'Sidi Mohamed Ould Brahim',
    role: 'facilitator',
    aliases: ['سيدي محمد ولد ابراهيم'],
    nationality: 'MR',
  },
  { key: 'transp1', kind: 'person', label: 'Moussa Ba', role: 'transporter', nationality: 'MR' },
  { key: 'transp2', kind: 'person', label: 'Cheikh Ould Sidi', role: 'transporter', nationality: 'MR' },
  { key: 'pilot', kind: 'person', label: 'Ousmane Diop', role: 'boat_pilot', nationality: 'SN' },
  { key: 'forger', kind: 'person', label: 'Yahya Ould Ahmed', role: 'forger', nationality: 'MR' },
  { key: 'official', kind: 'person', label: 'Port official X', role: 'corrupt_official', nationality: 'MR' },
  ...Array.from({ length: 8 }, (_, i) => ({
    key: `victim${i + 1}`,
    kind: 'person',
    label: `Migrant ${i + 1}`,
    role: 'victim',
    nationality: 'PK',
  })),
  { key: 'witness1', kind: 'person', label: 'Survivor A', role: 'witness', nationality: 'PK' },
  { key: 'witness2', kind: 'person', label: 'Survivor B', role: 'witness', nationality: 'PK' },
];

const PHONE_OWNERS = [
  'organiser',
  'rec1',
  'rec2',
  'hawalaPk',
  'hawalaAe',
  'hawalaMr',
  'broker',
  'transp1',
  'pilot',
  'forger',
];

const OTHERS: Ent[] = [
  ...PHONE_OWNERS.map((owner, i) => ({
    key: `phone-${owner}`,
    kind: 'phone',
    label: i < 5 ? `+92300100${String(i).padStart(4, '0')}` : `+22220100${String(i).padStart(3, '0')}`,
    identifiers: [
      i < 5 ? `phone:+92300100${String(i).padStart(4, '0')}` : `phone:+22220100${String(i).padStart(3, '0')}`,
    ],
  })),
  { key: 'boat', kind: 'vessel', label: 'Pirogue "Bismillah"', identifiers: ['mmsi:000000000'] },
  { key: 'network', kind: 'organisation', label: 'Gujrat–Nouadhibou network' },
  { key: 'gujrat', kind: 'location', label: 'Gujrat', lat: 32.57, lon: 74.08 },
  { key: 'dubai', kind: 'location', label: 'Dubai', lat: 25.2, lon: 55.27 },
  { key: 'nouadhibou', kind: 'location', label: 'Nouadhibou', lat: 20.94, lon: -17.04 },
  { key: 'dakhla', kind: 'location', label: 'Off Dakhla', lat: 23.68, lon: -15.96 },
];

type L = [from: string, to: string, type: string, at: string, weight?: number, currency?: string];

const LINKS: L[] = [
  // Pakistani side: the organiser runs recruiters, who recruit the migrants.
  ['organiser', 'rec1', 'called', '2024-11-20', 41],
  ['organiser', 'rec2', 'called', '2024-11-21', 35],
  ['organiser', 'rec3', 'called', '2024-11-22', 18],
  ['rec1', 'rec2', 'called', '2024-11-25', 6],
  ['rec2', 'rec3', 'called', '2024-11-26', 3],
  ['rec1', 'victim1', 'recruited', '2024-11-28'],
  ['rec1', 'victim2', 'recruited', '2024-11-29'],
  ['rec1', 'victim3', 'recruited', '2024-11-30'],
  ['rec2', 'victim4', 'recruited', '2024-12-01'],
  ['rec2', 'victim5', 'recruited', '2024-12-02'],
  ['rec3', 'victim6', 'recruited', '2024-12-02'],
  ['rec3', 'victim7', 'recruited', '2024-12-03'],
  ['rec3', 'victim8', 'recruited', '2024-12-03'],
  ['rec2', 'witness1', 'recruited', '2024-12-04'],
  ['rec3', 'witness2', 'recruited', '2024-12-04'],
  // Payments: families pay the recruiters, who pay the organiser's hawala agent.
  ['rec1', 'hawalaPk', 'paid', '2024-12-05', 2_400_000, 'PKR'],
  ['rec2', 'hawalaPk', 'paid', '2024-12-06', 1_800_000, 'PKR'],
  ['rec3', 'hawalaPk', 'paid', '2024-12-06', 1_500_000, 'PKR'],
  ['organiser', 'hawalaPk', 'called', '2024-12-06', 22],
  // The hawala chain: Gujrat → Dubai → Nouadhibou, settled through a Dubai financier.
  ['hawalaPk', 'hawalaAe', 'paid', '2024-12-08', 21_000, 'EUR'],
  ['hawalaAe', 'financier', 'paid', '2024-12-09', 21_000, 'EUR'],
  ['financier', 'hawalaAe', 'called', '2024-12-09', 9],
  ['hawalaAe', 'hawalaMr', 'paid', '2024-12-10', 19_500, 'EUR'],
  // The broker in Nouadhibou: the only bridge between the two sides.
  ['organiser', 'broker', 'called', '2024-12-12', 57],
  ['hawalaMr', 'broker', 'paid', '2024-12-14', 19_000, 'EUR'],
  ['rec1', 'broker', 'called', '2024-12-16', 7],
  ['rec3', 'broker', 'called', '2024-12-17', 4],
  ['broker', 'transp1', 'paid', '2024-12-20', 3_000, 'EUR'],
  ['broker', 'transp2', 'paid', '2024-12-20', 2_500, 'EUR'],
  ['broker', 'pilot', 'paid', '2025-01-10', 4_000, 'EUR'],
  ['broker', 'forger', 'paid', '2024-12-18', 1_500, 'EUR'],
  ['broker', 'official', 'paid', '2025-01-12', 2_000, 'EUR'],
  ['broker', 'transp1', 'called', '2025-01-11', 30],
  ['broker', 'pilot', 'called', '2025-01-13', 25],
  ['transp1', 'transp2', 'called', '2025-01-12', 8],
  ['transp1', 'pilot', 'called', '2025-01-13', 12],
  ['pilot', 'boat', 'owns', '2024-12-28'],
  ['broker', 'network', 'member_of', '2024-11-01'],
  ['organiser', 'network', 'member_of', '2024-11-01'],
  // The migrants' journey is on the route legs and the timeline; the boat is the pilot's.
  // Phones and places.
  ...PHONE_OWNERS.map((owner): L => [owner, `phone-${owner}`, 'uses', '2024-11-01']),
  ['organiser', 'gujrat', 'located_at', '2024-11-20'],
  ['hawalaAe', 'dubai', 'located_at', '2024-12-08'],
  ['broker', 'nouadhibou', 'located_at', '2024-12-12'],
  ['boat', 'dakhla', 'located_at', '2025-01-15'],
];

const LEGS = [
  {
    from: 'Lahore',
    fromLat: 31.52,
    fromLon: 74.36,
    to: 'Dubai',
    toLat: 25.25,
    toLon: 55.36,
    departed: '2024-12-15',
    arrived: '2024-12-15',
    mode: 'air',
  },
  {
    from: 'Dubai',
    fromLat: 25.25,
    fromLon: 55.36,
    to: 'Nouakchott',
    toLat: 18.1,
    toLon: -15.95,
    departed: '2024-12-22',
    arrived: '2024-12-23',
    mode: 'air',
  },
  {
    from: 'Nouakchott',
    fromLat: 18.1,
    fromLon: -15.95,
    to: 'Nouadhibou',
    toLat: 20.94,
    toLon: -17.04,
    departed: '2025-01-05',
    arrived: '2025-01-06',
    mode: 'road',
  },
  {
    from: 'Nouadhibou',
    fromLat: 20.94,
    fromLon: -17.04,
    to: 'Off Dakhla (shipwreck)',
    toLat: 23.68,
    toLon: -15.96,
    departed: '2025-01-14',
    arrived: '2025-01-15',
    mode: 'sea',
  },
  {
    from: 'Off Dakhla (shipwreck)',
    fromLat: 23.68,
    fromLon: -15.96,
    to: 'Canary Islands (intended)',
    toLat: 27.74,
    toLon: -15.6,
    departed: null,
    arrived: null,
    mode: 'sea',
  },
];

const EVENTS = [
  [
    '2024-11-28',
    'First recruitments in Gujrat district',
    'Recruiters approach families; fee quoted per person.',
  ],
  [
    '2024-12-08',
    'Hawala transfer Gujrat → Dubai',
    'Families’ payments pooled and moved through the hawala chain.',
  ],
  ['2024-12-15', 'Departure by air to Dubai', 'Group leaves Lahore on tourist visas.'],
  ['2024-12-22', 'Onward flight to Nouakchott', ''],
  ['2025-01-14', 'Boat leaves from near Nouadhibou', 'Overloaded pirogue, pilot paid by the facilitator.'],
  [
    '2025-01-15',
    'Shipwreck off Dakhla',
    'Figures in IOM Missing Migrants record 2025.MMP0019 (public, aggregate).',
  ],
  ['2025-01-16', 'Survivors rescued and heard', 'Two survivors name the recruiters and the facilitator.'],
] as const;

const EVALUATION = { source: 'B', accuracy: '2' };

async function waitUnassigned(target: ApiTarget, caseId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { cases } = await callApi<{ cases: Array<{ id: string }> }>(target, 'GET', '/cases/unassigned');
    if (cases.some((c) => c.id === caseId)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the shared case did not reach the partner within 60 s');
}

/** The demo's document: a synthetic survivor statement, stored encrypted and shared with the case. */
const DEMO_DOCUMENT = [
  'SYNTHETIC DEMONSTRATION DOCUMENT - every name and number below is invented.',
  '',
  'Statement of a survivor of the shipwreck off Dakhla, 15 January 2025 (synthetic).',
  'The witness paid the recruiter in Gujrat; the money went through a hawala agent in Dubai',
  'to the facilitator in Nouadhibou, who arranged the pirogue and the pilot.',
  '',
].join('\n');

async function attachDemoDocument(target: ApiTarget, caseId: string): Promise<void> {
  const q = new URLSearchParams({ title: 'Survivor statement [SYNTHETIC DEMO]', handlingCode: 'H2' });
  const res = await fetch(`${target.url}/api/v1/cases/${caseId}/documents?${q}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': 'text/plain',
      'x-filename': encodeURIComponent('survivor-statement-synthetic.txt'),
    },
    body: DEMO_DOCUMENT,
  });
  if (!res.ok) throw new Error(`attaching the demo document: ${res.status} ${await res.text()}`);
}

/** Plays the joint-case step; returns the case id. */
export async function playCasesStep(rabat: DemoNode, islamabad: DemoNode, io: CliIo): Promise<string> {
  const created = await callApi<{ id: string }>(rabat.liaison, 'POST', '/cases', {
    title: 'Dakhla crossing network [SYNTHETIC DEMO]',
    summary:
      'SYNTHETIC DEMONSTRATION CASE. The network that organised the crossing which ended in the shipwreck off Dakhla ' +
      'on 15 January 2025: recruitment in Pakistan, a hawala chain through Dubai, transport and boat from Mauritania. ' +
      'Every person, phone, account and vessel is invented; only places and the date are real.',
    crimeAreas: ['migrant_smuggling'],
    legalBasis:
      'Bilateral agreement on security cooperation (demo), joint investigation of smuggling networks',
    handlingCode: 'H2',
    tlp: 'AMBER',
  });
  const caseId = created.id;
  const entities = [...PERSONS, ...OTHERS];
  const { ids } = await callApi<{ ids: string[] }>(rabat.liaison, 'POST', `/cases/${caseId}/items/entities`, {
    items: entities.map((e) => ({
      kind: e.kind,
      label: e.label,
      role: e.role ?? null,
      aliases: e.aliases ?? [],
      identifiers: e.identifiers ?? [],
      nationality: e.nationality ?? null,
      lat: e.lat ?? null,
      lon: e.lon ?? null,
      notes: 'Synthetic demo entity.',
      evaluation: EVALUATION,
      synthetic: true,
    })),
  });
  const idOf = new Map(entities.map((e, i) => [e.key, ids[i]!]));
  await callApi(rabat.liaison, 'POST', `/cases/${caseId}/items/links`, {
    items: LINKS.map(([from, to, type, at, weight, currency]) => ({
      from: idOf.get(from),
      to: idOf.get(to),
      type,
      at,
      weight: weight ?? 1,
      currency: currency ?? null,
      evaluation: EVALUATION,
    })),
  });
  await callApi(rabat.liaison, 'POST', `/cases/${caseId}/items/legs`, {
    // Who made each leg: the migrants (victims and survivors), with the pilot at sea.
    items: LEGS.map((l) => ({
      ...l,
      entityIds: entities
        .filter((e) => e.role === 'victim' || e.role === 'witness' || (l.mode === 'sea' && e.key === 'pilot'))
        .map((e) => idOf.get(e.key)!),
    })),
  });
  await callApi(rabat.liaison, 'POST', `/cases/${caseId}/items/events`, {
    items: EVENTS.map(([at, title, description]) => ({ at, title, description })),
  });
  await callApi(rabat.liaison, 'POST', `/cases/${caseId}/items/tasks`, {
    items: [
      {
        title: 'Identify the holder of the Nouadhibou phone',
        owner: 'liaison@ma-dgsn',
        deadline: '2025-02-15',
      },
      { title: 'Trace the hawala settlement in Dubai', owner: 'liaison@pk-fia', deadline: '2025-02-28' },
    ],
  });
  await attachDemoDocument(rabat.liaison, caseId);
  await callApi(rabat.liaison, 'POST', `/cases/${caseId}/members`, { username: 'analyst', role: 'member' });
  // Rabat's DPO: a documented standing policy for the joint case with Islamabad.
  if (rabat.dpo) {
    await callApi(rabat.dpo, 'POST', '/sharing-policies', {
      partner: islamabad.id,
      crimeArea: 'migrant_smuggling',
      maxHandlingCode: 'H2',
      dataCategories: ['persons'],
      description:
        'Bilateral agreement on security cooperation (demo): joint case on the Dakhla crossing network',
    });
  }
  await callApi(rabat.liaison, 'POST', `/cases/${caseId}/partners`, { partner: islamabad.id });
  await waitUnassigned(islamabad.liaison, caseId);
  await callApi(islamabad.liaison, 'POST', `/cases/${caseId}/assign`, { members: ['liaison', 'analyst'] });
  println(
    io,
    `Demo: joint case ${caseId} (synthetic Dakhla network, ${entities.length} entities) shared by ${rabat.id} with ${islamabad.id}.`,
  );
  return caseId;
}
