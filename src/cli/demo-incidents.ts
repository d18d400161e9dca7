import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type {
  CandidateView,
  ImportView,
  IncidentView,
  StatusBoard,
  TransferView,
} from '../incidents/index.js';
import { ApiCallError, type ApiTarget, callApi } from './api-client.js';
import { type CliIo, println } from './io.js';

// The demo's victim identification step (issue: incidents). Both nodes import the real IOM
// Missing Migrants file; the Dakhla shipwreck of 15 January 2025 (IOM 2025.MMP0019) gets
// SYNTHETIC post-mortem records in Rabat and SYNTHETIC ante-mortem records in Islamabad
// (names in Urdu script and Latin spellings). Islamabad sends them through the federation;
// Rabat reconciles, the board confirms two identifications; Islamabad tells one family;
// Rabat starts one repatriation. Every person, document and sample here is invented.

interface DemoNode {
  id: string;
  admin: ApiTarget;
  dpo?: ApiTarget;
  dvi?: ApiTarget;
}

const DAKHLA = '2025.MMP0019';

async function importIom(target: ApiTarget, path: string): Promise<ImportView> {
  const res = await fetch(
    `${target.url}/api/v1/incidents/imports?name=${encodeURIComponent(basename(path))}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': path.endsWith('.gz') ? 'application/gzip' : 'text/csv',
      },
      body: new Uint8Array(readFileSync(path)),
    },
  );
  const json = (await res.json().catch(() => null)) as ImportView & {
    error?: { code: string; message: string };
  };
  if (!res.ok)
    throw new ApiCallError(
      res.status,
      json?.error?.code ?? 'http_error',
      json?.error?.message ?? `HTTP ${res.status}`,
    );
  let view: ImportView = json;
  while (view.status === 'running') {
    await new Promise((r) => setTimeout(r, 300));
    view = await callApi<ImportView>(target, 'GET', `/incidents/imports/${view.id}`);
  }
  return view;
}

async function dakhla(target: ApiTarget): Promise<IncidentView> {
  const { incidents } = await callApi<{ incidents: IncidentView[] }>(target, 'GET', `/incidents?q=${DAKHLA}`);
  const found = incidents.find((i) => i.iomId === DAKHLA);
  if (!found) throw new Error(`the IOM file has no incident ${DAKHLA}`);
  return found;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`the demo waited 60 s for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const custody = (at: string, to: string) => [{ at, from: 'Synthetic pathologist, Dakhla', to }];

/** The bodies recovered near Dakhla (post-mortem, Rabat): synthetic. */
const POST_MORTEM = [
  {
    reference: 'PM-DKH-001',
    form: {
      recoveryPlace: 'Shore 14 km south of Dakhla (synthetic)',
      recoveredAt: '2025-01-16T08:40:00.000Z',
      condition: 'complete',
      sex: 'male',
      ageRange: { min: 26, max: 36 },
      heightCm: { min: 168, max: 175 },
      marks: ['scar, left forearm, 6 cm'],
      clothing: ['blue tracksuit', 'black trainers'],
      effects: ['silver ring'],
      documents: [{ kind: 'identity card (wet, partly legible)', names: ['Mohammad Asif Iqbal'] }],
      photos: ['PHOTO-DKH-001-01 (synthetic)'],
      samples: [
        {
          kind: 'dna',
          reference: 'MA-DNA-DKH-001',
          laboratory: 'Synthetic forensic laboratory',
          custody: custody('2025-01-16T15:00:00.000Z', 'Synthetic laboratory'),
        },
        { kind: 'fingerprint', reference: 'MA-FP-DKH-001' },
      ],
      storage: 'Dakhla regional hospital mortuary, drawer 3 (synthetic)',
    },
  },
  {
    reference: 'PM-DKH-002',
    form: {
      recoveryPlace: 'At sea, 58 miles off Dakhla, by the rescue vessel (synthetic)',
      recoveredAt: '2025-01-15T17:10:00.000Z',
      condition: 'complete',
      sex: 'male',
      ageRange: { min: 20, max: 28 },
      heightCm: { min: 176, max: 184 },
      marks: ['tattoo, right forearm, crescent and star'],
      clothing: ['orange life vest', 'grey hoodie'],
      samples: [{ kind: 'fingerprint', reference: 'MA-FP-DKH-002' }],
      storage: 'Dakhla regional hospital mortuary, drawer 5 (synthetic)',
    },
  },
  {
    reference: 'PM-DKH-003',
    form: {
      recoveryPlace: 'Shore 30 km north of Dakhla (synthetic)',
      recoveredAt: '2025-01-19T11:00:00.000Z',
      condition: 'decomposed',
      sex: 'male',
      ageRange: { min: 35, max: 50 },
      documents: [{ kind: 'passport (damaged)', number: 'SX9017734', names: ['زبیر حسین'] }],
      samples: [{ kind: 'dental', reference: 'MA-DENT-DKH-003' }],
      storage: 'Dakhla regional hospital mortuary, drawer 8 (synthetic)',
    },
  },
];

const interviewer = 'FIA DVI interviewer, Gujrat office (synthetic)';

/** The missing reported by families in Pakistan (ante-mortem, Islamabad): synthetic. */
const ANTE_MORTEM = [
  {
    reference: 'AM-PK-0101',
    form: {
      names: [
        { full: 'Muhammad Asif Iqbal', script: 'Latn' },
        { full: 'محمد آصف اقبال', script: 'Arab', lang: 'ur' },
      ],
      sex: 'male',
      dateOfBirth: '1993-06-11',
      nationality: 'PK',
      heightCm: 171,
      marks: ['scar on left forearm (farm accident)'],
      clothing: ['blue tracksuit'],
      effects: ['silver ring with a green stone'],
      dental: 'Upper left molar crown (synthetic record)',
      relativesDna: [
        {
          relative: 'Synthetic mother of AM-PK-0101',
          relationship: 'mother',
          reference: 'PK-DNA-REL-0101',
          consent: {
            given: true,
            at: '2025-01-24T10:00:00.000Z',
            form: 'FIA consent form 12/2025 (synthetic)',
          },
        },
      ],
      lastSeen: { place: 'Nouadhibou, Mauritania', date: '2025-01-02' },
      family: [
        {
          name: 'Synthetic brother of AM-PK-0101',
          relationship: 'brother',
          contact: '+92 300 0000101 (synthetic)',
          language: 'ur',
        },
      ],
      collectedBy: interviewer,
      collectedFrom: 'Synthetic mother of AM-PK-0101',
    },
  },
  {
    reference: 'AM-PK-0102',
    form: {
      names: [
        { full: 'Bilal Ahmed Chaudhry', script: 'Latn' },
        { full: 'بلال احمد چودھری', script: 'Arab', lang: 'ur' },
      ],
      sex: 'male',
      dateOfBirth: '2001-02-20',
      nationality: 'PK',
      heightCm: 180,
      marks: ['tattoo of a crescent and star on right forearm'],
      clothing: ['grey hoodie', 'jeans'],
      lastSeen: { place: 'Nouadhibou, Mauritania', date: '2025-01-02' },
      family: [
        {
          name: 'Synthetic father of AM-PK-0102',
          relationship: 'father',
          contact: '+92 300 0000102 (synthetic)',
          language: 'pa',
        },
      ],
      collectedBy: interviewer,
      collectedFrom: 'Synthetic father of AM-PK-0102',
    },
  },
  {
    reference: 'AM-PK-0103',
    form: {
      names: [
        { full: 'Zubair Hussain', script: 'Latn' },
        { full: 'زبیر حسین', script: 'Arab', lang: 'ur' },
      ],
      sex: 'male',
      dateOfBirth: '1982',
      nationality: 'PK',
      heightCm: 168,
      documents: [{ kind: 'passport', number: 'SX9017734', issuingCountry: 'PK' }],
      lastSeen: { place: 'Nouakchott, Mauritania', date: '2024-12-29' },
      collectedBy: interviewer,
      collectedFrom: 'Synthetic wife of AM-PK-0103',
    },
  },
  {
    reference: 'AM-PK-0104',
    form: {
      names: [
        { full: 'Naveed Akhtar', script: 'Latn' },
        { full: 'نوید اختر', script: 'Arab', lang: 'ur' },
      ],
      sex: 'male',
      dateOfBirth: '1998-09-03',
      nationality: 'PK',
      heightCm: 165,
      marks: ['mole on neck'],
      clothing: ['black jacket'],
      lastSeen: { place: 'Nouadhibou, Mauritania', date: '2025-01-02' },
      collectedBy: interviewer,
      collectedFrom: 'Synthetic sister of AM-PK-0104',
    },
  },
];

/** Plays the victim identification step; true once done. */
export async function playIncidentsStep(
  rabat: DemoNode,
  islamabad: DemoNode,
  io: CliIo,
  iomCsv: string,
): Promise<boolean> {
  if (!rabat.dvi || !islamabad.dvi || !islamabad.dpo) return false;
  const ma = rabat.dvi;
  const pk = islamabad.dvi;
  for (const node of [rabat, islamabad]) {
    const view = await importIom(node.admin, iomCsv);
    println(
      io,
      `Demo: ${node.id} imported the IOM Missing Migrants file: ${view.rowsRead} rows, ${view.created} new, ${view.errorCount} rows in error reported.`,
    );
  }
  const maIncident = await dakhla(rabat.admin);
  const pkIncident = await dakhla(islamabad.admin);
  await callApi(rabat.admin, 'POST', `/incidents/${maIncident.id}/team`, { username: 'dvi' });
  await callApi(islamabad.admin, 'POST', `/incidents/${pkIncident.id}/team`, { username: 'dvi' });
  const {
    id: _id,
    iomId: _iom,
    iomMainId: _main,
    year: _y,
    region: _r,
    cause: _c,
    createdAt: _ca,
    updatedAt: _u,
    onTeam: _t,
    ...fields
  } = maIncident;
  await callApi(ma, 'PUT', `/incidents/${maIncident.id}`, {
    ...fields,
    vessel: 'Wooden pirogue, unnamed (synthetic)',
    aboard: 86,
    rescueService: 'Royal Moroccan Navy (synthetic record)',
    rescueCaseNumber: 'MRCC-RBT-2025-0015 (synthetic)',
  });

  for (const pm of POST_MORTEM)
    await callApi(ma, 'POST', `/incidents/${maIncident.id}/post-mortem`, { ...pm, synthetic: true });
  await callApi(ma, 'POST', `/incidents/${maIncident.id}/survivors`, {
    reference: 'SV-DKH-001',
    synthetic: true,
    form: {
      names: [{ full: 'Synthetic survivor one', script: 'Latn' }],
      sex: 'male',
      age: 22,
      nationality: 'PK',
      assistance: [
        {
          kind: 'medical care and shelter',
          by: 'Moroccan Red Crescent (synthetic)',
          at: '2025-01-16T09:00:00.000Z',
        },
      ],
      consularNotification: { consulate: 'Embassy of Pakistan, Rabat', at: '2025-01-16T14:00:00.000Z' },
    },
  });
  println(
    io,
    `Demo: ma-dgsn recorded ${POST_MORTEM.length} synthetic post-mortem records and a survivor (victim) for ${DAKHLA}.`,
  );

  const sent: TransferView[] = [];
  for (const am of ANTE_MORTEM) {
    const record = await callApi<{ id: string }>(pk, 'POST', `/incidents/${pkIncident.id}/ante-mortem`, {
      ...am,
      synthetic: true,
    });
    const withDna = (am.form.relativesDna ?? []).length > 0;
    sent.push(
      await callApi<TransferView>(pk, 'POST', `/incidents/${pkIncident.id}/transfers`, {
        amId: record.id,
        partner: rabat.id,
        includeRelativesDna: withDna,
      }),
    );
  }
  for (const t of sent.filter((t) => t.status === 'held')) {
    await callApi(islamabad.dpo, 'POST', `/dvi-transfers/${t.id}/decision`, {
      approve: true,
      note: "Relatives' DNA reference needed for kinship analysis; consent on file (synthetic)",
    });
  }
  println(
    io,
    `Demo: pk-fia sent ${ANTE_MORTEM.length} synthetic ante-mortem records to ma-dgsn (the one with a relative's DNA reference after DPO approval).`,
  );

  await until(
    'the ante-mortem records at ma-dgsn',
    () => callApi<{ records: unknown[] }>(ma, 'GET', `/incidents/${maIncident.id}/ante-mortem`),
    (r) => r.records.length >= ANTE_MORTEM.length,
  );
  const { candidates } = await callApi<{ candidates: CandidateView[] }>(
    ma,
    'GET',
    `/incidents/${maIncident.id}/candidates?limit=1`,
  );
  for (const c of candidates)
    println(
      io,
      `Demo: reconciliation proposes ${c.amReference} for ${c.pmReference} (score ${c.score.toFixed(2)}).`,
    );
  const best = (pm: string) => candidates.find((c) => c.pmReference === pm)!;
  const board = [
    'Synthetic forensic pathologist',
    'Synthetic odontologist',
    'Synthetic FIA liaison (remote)',
  ];
  for (const [pm, kind, certificate] of [
    ['PM-DKH-001', 'dna', 'DC-DKH-2025-001 (synthetic)'],
    ['PM-DKH-002', 'fingerprint', 'DC-DKH-2025-002 (synthetic)'],
  ] as const) {
    const c = best(pm);
    await callApi(ma, 'POST', `/incidents/${maIncident.id}/identifiers`, {
      pmId: c.pmId,
      amId: c.amId,
      kind,
      expert: `Synthetic ${kind} expert`,
    });
    await callApi(ma, 'POST', `/incidents/${maIncident.id}/identifications`, {
      pmId: c.pmId,
      amId: c.amId,
      status: 'confirmed',
      members: board,
      deathCertificateRef: certificate,
    });
  }
  const third = best('PM-DKH-003');
  await callApi(ma, 'POST', `/incidents/${maIncident.id}/identifications`, {
    pmId: third.pmId,
    amId: third.amId,
    status: 'preliminary',
    members: board,
    note: 'Passport found on the body; awaiting the dental comparison (synthetic)',
  });
  println(
    io,
    'Demo: the identification board confirmed two identifications (DNA, fingerprints); one stays preliminary.',
  );

  const pkBoard = await until(
    'the identifications at pk-fia',
    () => callApi<StatusBoard>(pk, 'GET', `/incidents/${pkIncident.id}/board`),
    (b) => b.counts.identified >= 2,
  );
  const first = pkBoard.entries.find((e) => e.reference === 'AM-PK-0101')!;
  await callApi(pk, 'POST', `/incidents/${pkIncident.id}/notifications`, {
    amId: first.id,
    notifiedPerson: 'Synthetic brother of AM-PK-0101',
    relationship: 'brother',
    channel: 'police',
    language: 'ur',
    support: 'Home visit by the district police with a psychosocial counsellor (synthetic)',
    notifiedAt: new Date().toISOString(),
  });
  await callApi(ma, 'POST', `/incidents/${maIncident.id}/repatriations`, {
    pmId: best('PM-DKH-001').pmId,
    status: 'under_way',
    familyWishes: 'Burial in the family village near Gujrat (synthetic)',
    laissezPasser: {
      number: 'LP-DKH-2025-001 (synthetic)',
      issuedBy: 'Wilaya of Dakhla-Oued Ed-Dahab (synthetic)',
      issuedAt: '2025-02-12',
      destination: 'Lahore, Pakistan',
    },
    transport: 'Air freight Casablanca–Lahore, hermetically sealed coffin (1937 Berlin Agreement)',
    receivingAuthority: 'District administration, Gujrat (synthetic)',
  });
  println(
    io,
    'Demo: pk-fia told one family (police, in Urdu); ma-dgsn started one repatriation (laissez-passer issued).',
  );
  return true;
}
