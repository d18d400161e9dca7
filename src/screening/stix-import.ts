// STIX 2.1 bundle → draft of an `alert` message. The bundle must validate against the OASIS
// schemas and hold a report; Passerelle's own extension restores the alert's fields exactly,
// and a bundle from another tool (MISP, OpenCTI) is mapped from the standard objects. The
// result is a draft for an officer to complete and send, never a message sent by itself.
import { detectScript } from '../names/index.js';
import { PASSERELLE_EXTENSION_ID, type StixObject, TLP_MARKINGS } from './stix.js';
import { validateStixBundle } from './stix-validate.js';

/** Result of {@link stixBundleToAlertDraft}. */
export type StixImportResult =
  | { ok: true; draft: Record<string, unknown>; notes: string[] }
  | { ok: false; problems: string[] };

type Ext = Record<string, unknown>;

function extOf(o: StixObject): Ext | undefined {
  return (o.extensions as Record<string, Ext> | undefined)?.[PASSERELLE_EXTENSION_ID];
}

function scriptOf(name: string): string {
  const s = detectScript(name.split(/\s+/)[0] ?? name);
  return s === 'arabic' ? 'Arab' : 'Latn';
}

function localId(o: StixObject, used: Set<string>): string {
  const fromExt = extOf(o)?.entity_id ?? o.entity_id;
  let id =
    typeof fromExt === 'string' ? fromExt : `${o.type.replace(/^x-passerelle-/, '')}-${o.id.slice(-12)}`;
  while (used.has(id)) id = `${id}-2`;
  used.add(id);
  return id;
}

/** Maps a STIX bundle to the fields of an alert message. */
export function stixBundleToAlertDraft(bundle: unknown): StixImportResult {
  if (bundle === null || typeof bundle !== 'object') return { ok: false, problems: ['Not a JSON object'] };
  const valid = validateStixBundle(bundle);
  if (!valid.ok) return { ok: false, problems: valid.errors };
  const objects = ((bundle as { objects?: StixObject[] }).objects ?? []) as StixObject[];
  const report = objects.find((o) => o.type === 'report');
  if (!report) return { ok: false, problems: ['The bundle holds no report: nothing says what the alert is'] };
  const notes: string[] = [];
  const ext = extOf(report) ?? {};
  const markingIds = new Set((report.object_marking_refs as string[] | undefined) ?? []);
  const tlp =
    (Object.entries(TLP_MARKINGS).find(([, m]) => markingIds.has(m.id))?.[0] as
      | keyof typeof TLP_MARKINGS
      | undefined) ?? 'AMBER';
  if (!Object.values(TLP_MARKINGS).some((m) => markingIds.has(m.id)))
    notes.push('No TLP 2.0 marking: AMBER assumed');
  const used = new Set<string>();
  const ids = new Map<string, string>();
  const entities: Record<string, unknown>[] = [];
  for (const o of objects) {
    const e = extOf(o) ?? {};
    switch (o.type) {
      case 'threat-actor': {
        const names =
          (e.names as unknown[] | undefined) ??
          [o.name as string, ...((o.aliases as string[] | undefined) ?? [])].map((n) => ({
            full: n,
            script: scriptOf(n),
          }));
        const id = localId(o, used);
        ids.set(o.id, id);
        entities.push({
          kind: 'person',
          id,
          role: 'suspect',
          names,
          ...(e.dates_of_birth ? { datesOfBirth: e.dates_of_birth } : {}),
          ...(e.nationalities ? { nationalities: e.nationalities } : {}),
          ...(e.sex ? { sex: e.sex } : {}),
          ...(e.synthetic ? { synthetic: true } : {}),
          ...(typeof o.description === 'string' ? { description: o.description } : {}),
        });
        break;
      }
      case 'intrusion-set': {
        const id = localId(o, used);
        ids.set(o.id, id);
        entities.push({
          kind: 'organisation',
          id,
          organisationType: (e.organisation_type as string | undefined) ?? 'terrorist_group',
          names:
            (e.names as unknown[] | undefined) ??
            [o.name as string, ...((o.aliases as string[] | undefined) ?? [])].map((n) => ({
              name: n,
              script: scriptOf(n),
            })),
          ...(e.countries ? { countries: e.countries } : {}),
          ...(e.un_list_reference ? { unListReference: e.un_list_reference } : {}),
        });
        break;
      }
      case 'location': {
        const id = localId(o, used);
        ids.set(o.id, id);
        const country = (e.country as string | undefined) ?? (o.country as string | undefined);
        entities.push({
          kind: 'location',
          id,
          names:
            (e.names as unknown[] | undefined) ??
            (o.name ? [{ name: o.name, script: scriptOf(o.name as string) }] : []),
          ...(typeof o.latitude === 'number' ? { coordinates: { lat: o.latitude, lon: o.longitude } } : {}),
          ...(country && /^[A-Z]{2}$/.test(country.toUpperCase()) ? { country: country.toUpperCase() } : {}),
          ...(typeof o.description === 'string' ? { address: o.description } : {}),
        });
        break;
      }
      case 'x-passerelle-phone':
        ids.set(o.id, localId(o, used));
        entities.push({
          kind: 'phone',
          id: ids.get(o.id),
          number: o.number,
          ...(o.country ? { country: o.country } : {}),
          ...(o.label ? { label: o.label } : {}),
        });
        break;
      case 'x-passerelle-document':
        ids.set(o.id, localId(o, used));
        entities.push({
          kind: 'identity_document',
          id: ids.get(o.id),
          documentType: o.document_type,
          number: o.number,
          issuingCountry: o.issuing_country,
          ...(o.holder_entity_id ? { holderRef: o.holder_entity_id } : {}),
        });
        break;
      case 'x-passerelle-vessel':
        ids.set(o.id, localId(o, used));
        entities.push({
          kind: 'vessel',
          id: ids.get(o.id),
          ...(o.name ? { name: o.name } : {}),
          ...(o.flag ? { flag: o.flag } : {}),
          ...(o.imo ? { imo: o.imo } : {}),
          ...(o.mmsi ? { mmsi: o.mmsi } : {}),
          ...(o.call_sign ? { callSign: o.call_sign } : {}),
        });
        break;
      default:
        break;
    }
  }
  for (const o of objects) {
    if (o.type !== 'relationship') continue;
    const e = extOf(o) ?? {};
    const original = e.relationship_type as string | undefined;
    if (o.relationship_type === 'indicates' || original === 'holds_document') continue;
    const from = ids.get(o.source_ref as string);
    const to = ids.get(o.target_ref as string);
    if (!from || !to) continue;
    const type =
      original ??
      (o.relationship_type === 'located-at'
        ? 'located_at'
        : o.relationship_type === 'uses'
          ? 'uses'
          : 'associate');
    const id =
      typeof e.entity_id === 'string' && !used.has(e.entity_id) ? e.entity_id : `rel-${o.id.slice(-12)}`;
    used.add(id);
    entities.push({ kind: 'relationship', id, relationshipType: type, from: { ref: from }, to: { ref: to } });
  }
  const draft: Record<string, unknown> = {
    type: 'alert',
    alertKind: (ext.alert_kind as string | undefined) ?? 'threat_warning',
    subject: report.name,
    body: (report.description as string | undefined) ?? (report.name as string),
    language: (report.lang as string | undefined) ?? 'en',
    crimeAreas: (ext.crime_areas as string[] | undefined) ?? ['terrorism'],
    priority: (ext.priority as string | undefined) ?? 'high',
    handlingCode: (ext.handling_code as string | undefined) ?? 'H0',
    ...(ext.handling_restriction ? { handlingRestriction: ext.handling_restriction } : {}),
    tlp,
    evaluation: {
      sourceReliability: (ext.source_reliability as string | undefined) ?? 'X',
      informationAccuracy: (ext.information_accuracy as number | undefined) ?? 4,
    },
    ...(ext.legal_basis ? { legalBasis: ext.legal_basis } : {}),
    ...(ext.purpose ? { purpose: ext.purpose } : {}),
    ...(ext.valid_until ? { validUntil: ext.valid_until } : {}),
    entities,
  };
  if (!ext.legal_basis) notes.push('Give the legal basis and the purpose before sending');
  return { ok: true, draft, notes };
}
