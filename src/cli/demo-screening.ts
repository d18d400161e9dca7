import { readFileSync } from 'node:fs';
import { bundledDataPath } from '../platform/index.js';
import { ApiCallError, type ApiTarget, callApi } from './api-client.js';
import { type CliIo, println } from './io.js';

// The demo's screening step (issue: counter-terrorism). Rabat loads the UN Security Council
// Consolidated List of 2024-09-26 shipped in data/; Islamabad then sends a SYNTHETIC passenger
// notice naming a person whose name is a transliteration variant of a designated person's
// alias. The list is real and is used here only for screening: the message, the passenger
// record and the story are invented and marked so; the flag is information for the officer.

/** A demo node as the scenario reaches it (the same shape as demo-scenario's access). */
interface DemoNode {
  id: string;
  admin: ApiTarget;
  liaison: ApiTarget;
}

const LIST_FILE = 'un-consolidated-2024-09-26.xml';
/** A spelling variant of the alias "Amir Ali Chaudry" of the designation QDi.312. */
const VARIANT_NAME = 'Amir Ali Chowdhury';

async function importList(target: ApiTarget): Promise<void> {
  const path = bundledDataPath(LIST_FILE);
  const body = readFileSync(path);
  const res = await fetch(`${target.url}/api/v1/screening/lists?name=${LIST_FILE}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': 'application/xml',
      ...(path.endsWith('.gz') ? { 'content-encoding': 'gzip' } : {}),
    },
    body: new Uint8Array(body),
  });
  if (res.ok) return;
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  // A restarted demo finds the list already there.
  if (json?.error?.code === 'list_already_imported' || json?.error?.code === 'list_not_newer') return;
  throw new ApiCallError(
    res.status,
    json?.error?.code ?? 'http_error',
    json?.error?.message ?? `HTTP ${res.status}`,
  );
}

/** Plays the screening step; returns the id of the flagged message at Rabat. */
export async function playScreeningStep(rabat: DemoNode, islamabad: DemoNode, io: CliIo): Promise<string> {
  await importList(rabat.admin);
  println(io, `Demo: ma-dgsn loaded the UN Security Council Consolidated List (${LIST_FILE}).`);
  const now = Date.now();
  const subject = 'Passenger notice, flight PK-DEMO to Casablanca [SYNTHETIC DEMO]';
  const notice = {
    type: 'info',
    subject,
    body:
      'SYNTHETIC DEMONSTRATION MESSAGE. A passenger booked on a flight to Casablanca is named below. ' +
      'No assessment is made by the sender. The record is invented for the demonstration.',
    language: 'en',
    crimeAreas: ['terrorism'],
    priority: 'high',
    handlingCode: 'H0',
    tlp: 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 3 },
    legalBasis: 'Bilateral agreement on security cooperation (demo), article on exchange of information',
    purpose: 'Border and aviation security checks',
    retentionReviewDate: new Date(now + 90 * 86_400_000).toISOString().slice(0, 10),
    entities: [
      {
        kind: 'person',
        id: 'p1',
        role: 'other',
        synthetic: true,
        names: [{ full: VARIANT_NAME, script: 'Latn' }],
        datesOfBirth: ['1986'],
        nationalities: ['PK'],
        description: 'Synthetic demo passenger record (invented; used only to show screening)',
      },
    ],
  };
  await callApi(islamabad.liaison, 'POST', '/messages', { recipient: rabat.id, message: notice });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { messages } = await callApi<{ messages: Array<{ id: string; subject: string }> }>(
      rabat.liaison,
      'GET',
      '/messages?direction=in&type=info',
    );
    const found = messages.find((m) => m.subject === subject);
    if (found) {
      const { flags } = await callApi<{
        flags: Array<{
          level: string | null;
          candidates: Array<{ referenceNumber: string; score: number; matchedName: string }>;
        }>;
      }>(rabat.liaison, 'GET', `/screening/messages/${found.id}/flags`);
      const top = flags.find((f) => f.level)?.candidates[0];
      println(
        io,
        top
          ? `Demo: screening flag on message ${found.id}: "${VARIANT_NAME}" resembles ${top.referenceNumber} (${top.matchedName}, score ${top.score}) — for the officer to assess.`
          : `Demo: message ${found.id} screened, no flag.`,
      );
      return found.id;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the demo passenger notice did not arrive within 60 s');
}
