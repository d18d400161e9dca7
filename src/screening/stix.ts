// Threat alerts as STIX 2.1 bundles (OASIS STIX Version 2.1, 2021) and back. An `alert` message
// of kind threat warning, modus operandi or wanted becomes a report with the objects it names:
// the sending agency (identity), suspects (threat-actor), groups (intrusion-set), places
// (location), relationships, and phones, documents and vessels as Passerelle observables defined
// by a STIX extension (new-sco) with an indicator each. Markings are the official TLP 2.0 marking
// definitions (extension-definition--60a3c5c5-…). Ids are UUIDv5 of the message id and the
// entity id, so a re-export yields the same objects and a TAXII client sees no duplicates.
// Protected persons (victims, the missing, the dead) are never exported (DESIGN §5).
import { createHash } from 'node:crypto';
import { type Entity, isProtectedRole } from '../entities/index.js';
import { HANDLING_CODE_LABELS } from '../exchange/index.js';

/** Official TLP 2.0 marking definitions (OASIS TLP 2.0 extension, FIRST TLP v2.0). */
export const TLP_MARKINGS = {
  CLEAR: { id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', tlp: 'clear' },
  GREEN: { id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', tlp: 'green' },
  AMBER: { id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', tlp: 'amber' },
  'AMBER+STRICT': { id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', tlp: 'amber+strict' },
  RED: { id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', tlp: 'red' },
} as const;

/** The OASIS extension that carries `tlp_2_0` in those marking definitions. */
export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** Passerelle's extension definition: alert properties and the phone, document and vessel objects. */
export const PASSERELLE_EXTENSION_ID = 'extension-definition--1b8a4c5e-52a4-4f4d-9b64-0c4f6a3d2e71';
const PASSERELLE_IDENTITY_ID = 'identity--6c0a3b6a-5d8e-4f0e-8a51-3f3f1b8e0c11';
const FIXED_TIME = '2026-12-01T00:00:00.000Z';
const NAMESPACE = '5b7c6f2e-3d0a-4c5f-9e1b-8a2d4c6e8f10';

/** Alert kinds exchanged as STIX (the others concern protected persons). */
export const STIX_ALERT_KINDS = ['threat_warning', 'modus_operandi', 'wanted'] as const;

/** A STIX object (JSON). */
export type StixObject = Record<string, unknown> & { type: string; id: string };

/** A STIX bundle. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Who sent the alert. */
export interface StixSender {
  nodeId: string;
  agency: string;
  country: string;
}

/** RFC 9562 UUIDv5 (SHA-1, name-based). */
export function uuidv5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A STIX timestamp with millisecond precision (STIX 2.1 §3.2 allows it; TAXII needs it). */
export function stixTime(value: string | Date): string {
  return new Date(value).toISOString();
}

/** The marking-definition objects of TLP 2.0, as OASIS publishes them. */
export function tlpMarking(level: keyof typeof TLP_MARKINGS): StixObject {
  const m = TLP_MARKINGS[level];
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: m.id,
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level}`,
    extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: m.tlp } },
  };
}

/** The identity that publishes Passerelle's extension definition. */
export const PASSERELLE_IDENTITY: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: PASSERELLE_IDENTITY_ID,
  created: FIXED_TIME,
  modified: FIXED_TIME,
  name: 'Passerelle',
  identity_class: 'organization',
  description: 'Publisher of the Passerelle STIX extension (docs/SCREENING.md)',
};

/** Passerelle's extension definition, carried in every bundle that uses it. */
export const PASSERELLE_EXTENSION: StixObject = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: PASSERELLE_EXTENSION_ID,
  created_by_ref: PASSERELLE_IDENTITY_ID,
  created: FIXED_TIME,
  modified: FIXED_TIME,
  name: 'Passerelle police cooperation alert',
  description:
    'Alert properties of a Passerelle message (kind, handling code, priority, crime areas, 4x4 evaluation) as a property extension, and the x-passerelle-phone, x-passerelle-document and x-passerelle-vessel observables as new SCOs.',
  schema: 'https://passerelle.invalid/docs/SCREENING.md#stix-extension',
  version: '1.0.0',
  extension_types: ['property-extension', 'new-sco'],
};

/** A message of type `alert`, as stored (the fields STIX needs). */
export interface AlertMessage {
  id: string;
  conversationId: string;
  createdAt: string;
  subject: string;
  body: string;
  language: string;
  alertKind: string;
  crimeAreas: string[];
  priority: string;
  handlingCode: string;
  handlingRestriction?: string | undefined;
  tlp: keyof typeof TLP_MARKINGS;
  evaluation: { sourceReliability: string; informationAccuracy: number };
  legalBasis: string;
  purpose: string;
  validUntil?: string | undefined;
  entities: Entity[];
}

function base(type: string, id: string, created: string, creator: string, markings: string[]) {
  return {
    type,
    spec_version: '2.1',
    id: `${type}--${id}`,
    created_by_ref: creator,
    created,
    modified: created,
    object_marking_refs: markings,
  };
}

/**
 * The provider's handling code, restriction, purpose and legal basis as a STIX statement
 * marking (STIX 2.1 §7.2.1): every object of the bundle refers to it beside its TLP marking,
 * so the conditions the provider set travel with each object that leaves, in TAXII as in a
 * downloaded bundle.
 */
export function handlingStatement(alert: AlertMessage, sender: StixSender): string {
  const code = alert.handlingCode as keyof typeof HANDLING_CODE_LABELS;
  return [
    `Passerelle handling code ${alert.handlingCode}${HANDLING_CODE_LABELS[code] ? `: ${HANDLING_CODE_LABELS[code]}` : ''}.`,
    ...(alert.handlingRestriction ? [`Restriction: ${alert.handlingRestriction}.`] : []),
    `TLP:${alert.tlp}.`,
    `Purpose: ${alert.purpose}.`,
    `Legal basis: ${alert.legalBasis}.`,
    `Provided by ${sender.agency} (${sender.nodeId}).`,
  ].join(' ');
}

/** Builds the STIX bundle of one alert. */
export function alertToStixBundle(alert: AlertMessage, sender: StixSender): StixBundle {
  const created = stixTime(alert.createdAt);
  const creator = `identity--${uuidv5(`identity:${sender.nodeId}`)}`;
  const idOf = (local: string) => uuidv5(`${alert.id}:${local}`);
  const handling: StixObject = {
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${idOf('handling')}`,
    created_by_ref: creator,
    created,
    name: `Handling ${alert.handlingCode}`,
    definition_type: 'statement',
    definition: { statement: handlingStatement(alert, sender) },
  };
  const marking = [TLP_MARKINGS[alert.tlp].id, handling.id];
  const objects: StixObject[] = [];
  const ref = new Map<string, string>();
  const terrorism = alert.crimeAreas.includes('terrorism');
  // STIX forbids empty lists (§3.1): a property with nothing to say is left out.
  const ext = (props: Record<string, unknown>) => ({
    extensions: {
      [PASSERELLE_EXTENSION_ID]: {
        extension_type: 'property-extension',
        ...Object.fromEntries(Object.entries(props).filter(([, v]) => !(Array.isArray(v) && v.length === 0))),
      },
    },
  });
  // Phones, documents and vessels are observables: custom SCOs (no created/modified).
  const sco = (type: string, id: string) => ({
    type,
    spec_version: '2.1',
    id: `${type}--${id}`,
    object_marking_refs: marking,
    extensions: { [PASSERELLE_EXTENSION_ID]: { extension_type: 'new-sco' } },
  });
  const indicators: Array<{ indicator: string; entity: string }> = [];
  const indicator = (entityId: string, pattern: string, name: string) => {
    const id = `indicator--${idOf(`indicator:${entityId}`)}`;
    objects.push({
      ...base('indicator', idOf(`indicator:${entityId}`), created, creator, marking),
      id,
      name,
      indicator_types: ['attribution'],
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: created,
      ...(alert.validUntil ? { valid_until: stixTime(alert.validUntil) } : {}),
    });
    indicators.push({ indicator: id, entity: entityId });
  };
  const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

  for (const e of alert.entities) {
    switch (e.kind) {
      case 'person': {
        if (isProtectedRole(e.role) || e.role !== 'suspect') break;
        const names = e.names.map((n) => n.full ?? [n.given, n.father, n.family].filter(Boolean).join(' '));
        if (names.length === 0) break;
        const id = `threat-actor--${idOf(e.id)}`;
        objects.push({
          ...base('threat-actor', idOf(e.id), created, creator, marking),
          name: names[0],
          ...(names.length > 1 ? { aliases: names.slice(1) } : {}),
          threat_actor_types: [terrorism ? 'terrorist' : 'criminal'],
          resource_level: 'individual',
          ...(e.description ? { description: e.description } : {}),
          ...ext({
            entity_id: e.id,
            names: e.names,
            dates_of_birth: e.datesOfBirth,
            nationalities: e.nationalities,
            ...(e.sex ? { sex: e.sex } : {}),
            ...(e.synthetic ? { synthetic: true } : {}),
          }),
        });
        ref.set(e.id, id);
        break;
      }
      case 'organisation': {
        const group = ['terrorist_group', 'criminal_network', 'armed_group'].includes(e.organisationType);
        const type = group ? 'intrusion-set' : 'identity';
        const id = `${type}--${idOf(e.id)}`;
        objects.push({
          ...base(type, idOf(e.id), created, creator, marking),
          name: e.names[0]!.name,
          ...(e.names.length > 1 ? { aliases: e.names.slice(1).map((n) => n.name) } : {}),
          ...(group ? {} : { identity_class: 'organization' }),
          ...(e.description ? { description: e.description } : {}),
          ...ext({
            entity_id: e.id,
            organisation_type: e.organisationType,
            names: e.names,
            countries: e.countries,
            ...(e.unListReference ? { un_list_reference: e.unListReference } : {}),
          }),
        });
        ref.set(e.id, id);
        break;
      }
      case 'location': {
        const where = e.coordinates
          ? { latitude: e.coordinates.lat, longitude: e.coordinates.lon }
          : e.country
            ? { country: e.country }
            : null;
        if (!where) break;
        const id = `location--${idOf(e.id)}`;
        objects.push({
          ...base('location', idOf(e.id), created, creator, marking),
          ...(e.names[0] ? { name: e.names[0].name } : {}),
          ...(e.address ? { description: e.address } : {}),
          ...where,
          ...ext({ entity_id: e.id, ...(e.country ? { country: e.country } : {}), names: e.names }),
        });
        ref.set(e.id, id);
        break;
      }
      case 'phone': {
        const id = `x-passerelle-phone--${idOf(e.id)}`;
        objects.push({
          ...sco('x-passerelle-phone', idOf(e.id)),
          number: e.number,
          ...(e.country ? { country: e.country } : {}),
          ...(e.label ? { label: e.label } : {}),
          entity_id: e.id,
        });
        ref.set(e.id, id);
        indicator(e.id, `[x-passerelle-phone:number = ${quote(e.number)}]`, `Phone ${e.number}`);
        break;
      }
      case 'identity_document': {
        const id = `x-passerelle-document--${idOf(e.id)}`;
        objects.push({
          ...sco('x-passerelle-document', idOf(e.id)),
          document_type: e.documentType,
          number: e.number,
          issuing_country: e.issuingCountry,
          entity_id: e.id,
          ...(e.holderRef ? { holder_entity_id: e.holderRef } : {}),
        });
        ref.set(e.id, id);
        indicator(
          e.id,
          `[x-passerelle-document:number = ${quote(e.number)}]`,
          `${e.documentType} ${e.number}`,
        );
        break;
      }
      case 'vessel': {
        const id = `x-passerelle-vessel--${idOf(e.id)}`;
        objects.push({
          ...sco('x-passerelle-vessel', idOf(e.id)),
          ...(e.name ? { name: e.name } : {}),
          ...(e.flag ? { flag: e.flag } : {}),
          ...(e.imo ? { imo: e.imo } : {}),
          ...(e.mmsi ? { mmsi: e.mmsi } : {}),
          ...(e.callSign ? { call_sign: e.callSign } : {}),
          entity_id: e.id,
        });
        ref.set(e.id, id);
        const key = e.imo ? `imo = ${quote(e.imo)}` : e.mmsi ? `mmsi = ${quote(e.mmsi)}` : null;
        if (key) indicator(e.id, `[x-passerelle-vessel:${key}]`, `Vessel ${e.name ?? e.imo ?? e.mmsi}`);
        break;
      }
      default:
        break;
    }
  }
  const relationship = (source: string, target: string, type: string, local: string, original?: string) =>
    objects.push({
      ...base('relationship', idOf(`rel:${local}`), created, creator, marking),
      relationship_type: type,
      source_ref: source,
      target_ref: target,
      ...(original ? ext({ relationship_type: original, entity_id: local }) : {}),
    });
  const STIX_TYPES: Record<string, string> = { uses: 'uses', located_at: 'located-at' };
  for (const e of alert.entities) {
    if (e.kind === 'relationship') {
      const from = ref.get(e.from.ref);
      const to = ref.get(e.to.ref);
      if (from && to)
        relationship(from, to, STIX_TYPES[e.relationshipType] ?? 'related-to', e.id, e.relationshipType);
    }
    if (e.kind === 'identity_document' && e.holderRef && ref.has(e.holderRef) && ref.has(e.id)) {
      relationship(ref.get(e.id)!, ref.get(e.holderRef)!, 'related-to', `holder:${e.id}`, 'holds_document');
    }
  }
  // An indicator indicates the suspect or group that uses the phone, document or vessel.
  for (const { indicator: ind, entity } of indicators) {
    for (const e of alert.entities) {
      if (e.kind !== 'relationship') continue;
      const other = e.to.ref === entity ? e.from.ref : e.from.ref === entity ? e.to.ref : null;
      const target = other ? ref.get(other) : undefined;
      if (target && /^(threat-actor|intrusion-set)--/.test(target))
        relationship(ind, target, 'indicates', `ind:${ind}:${target}`);
    }
    const doc = alert.entities.find((e) => e.kind === 'identity_document' && e.id === entity);
    const holder = doc?.kind === 'identity_document' && doc.holderRef ? ref.get(doc.holderRef) : undefined;
    if (holder) relationship(ind, holder, 'indicates', `ind:${ind}:${holder}`);
  }
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: creator,
    created: FIXED_TIME,
    modified: FIXED_TIME,
    name: sender.agency,
    identity_class: 'organization',
    sectors: ['law-enforcement'],
    ...ext({ node_id: sender.nodeId, country: sender.country }),
  };
  const report: StixObject = {
    ...base('report', idOf('report'), created, creator, marking),
    name: alert.subject,
    description: alert.body,
    lang: alert.language,
    report_types: ['threat-report'],
    published: created,
    labels: [alert.alertKind, ...alert.crimeAreas],
    object_refs: objects.map((o) => o.id),
    ...ext({
      message_id: alert.id,
      conversation_id: alert.conversationId,
      alert_kind: alert.alertKind,
      crime_areas: alert.crimeAreas,
      priority: alert.priority,
      handling_code: alert.handlingCode,
      ...(alert.handlingRestriction ? { handling_restriction: alert.handlingRestriction } : {}),
      source_reliability: alert.evaluation.sourceReliability,
      information_accuracy: alert.evaluation.informationAccuracy,
      legal_basis: alert.legalBasis,
      purpose: alert.purpose,
      ...(alert.validUntil ? { valid_until: stixTime(alert.validUntil) } : {}),
    }),
  };
  return {
    type: 'bundle',
    id: `bundle--${idOf('bundle')}`,
    objects: [
      report,
      identity,
      ...objects,
      tlpMarking(alert.tlp),
      handling,
      PASSERELLE_IDENTITY,
      PASSERELLE_EXTENSION,
    ],
  };
}
