import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bundledDataDir } from '../platform/index.js';
import {
  type AlertMessage,
  alertToStixBundle,
  PASSERELLE_EXTENSION,
  PASSERELLE_IDENTITY,
  TLP_EXTENSION_ID,
  TLP_MARKINGS,
  uuidv5,
} from './stix.js';
import { stixBundleToAlertDraft } from './stix-import.js';
import { validateStixBundle, validateStixObject } from './stix-validate.js';

const sender = { nodeId: 'pk-fia', agency: 'Federal Investigation Agency (demo)', country: 'PK' };

function alert(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    id: '0193a4b2-1111-7000-8000-000000000001',
    conversationId: '0193a4b2-1111-7000-8000-000000000001',
    createdAt: '2026-11-30T10:15:00.123Z',
    subject: 'Threat warning: recruitment cell using a fishing vessel [SYNTHETIC]',
    body: 'Synthetic test alert.',
    language: 'en',
    alertKind: 'threat_warning',
    crimeAreas: ['terrorism', 'migrant_smuggling'],
    priority: 'urgent',
    handlingCode: 'H2',
    tlp: 'AMBER+STRICT',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Agreement art. 3',
    purpose: 'Prevent an attack',
    validUntil: '2027-01-30T10:15:00.000Z',
    entities: [
      {
        kind: 'person',
        id: 'p1',
        role: 'suspect',
        names: [
          { given: 'Imran', family: 'Qasmi', script: 'Latn' },
          { full: 'عمران قاسمی', script: 'Arab', lang: 'ur' },
        ],
        datesOfBirth: ['1990'],
        nationalities: ['PK'],
        synthetic: true,
      },
      {
        kind: 'person',
        id: 'v1',
        role: 'victim',
        names: [{ full: 'Protected Victim Name', script: 'Latn' }],
        datesOfBirth: [],
        nationalities: [],
        synthetic: true,
      },
      {
        kind: 'organisation',
        id: 'o1',
        organisationType: 'terrorist_group',
        names: [{ name: 'Synthetic Cell', script: 'Latn' }],
        countries: ['PK'],
      },
      {
        kind: 'location',
        id: 'l1',
        names: [{ name: 'Gwadar port', script: 'Latn' }],
        country: 'PK',
        coordinates: { lat: 25.12, lon: 62.33 },
      },
      { kind: 'location', id: 'l2', names: [{ name: 'Somewhere', script: 'Latn' }], country: 'MA' },
      { kind: 'phone', id: 'ph1', number: '+923001234567', country: 'PK' },
      {
        kind: 'identity_document',
        id: 'd1',
        documentType: 'passport',
        number: 'ZX1234567',
        issuingCountry: 'PK',
        holderRef: 'p1',
      },
      { kind: 'vessel', id: 's1', name: 'SYNTHETIC STAR', flag: 'PK', imo: '9074729' },
      { kind: 'relationship', id: 'r1', relationshipType: 'uses', from: { ref: 'p1' }, to: { ref: 'ph1' } },
      { kind: 'relationship', id: 'r2', relationshipType: 'member', from: { ref: 'p1' }, to: { ref: 'o1' } },
      {
        kind: 'relationship',
        id: 'r3',
        relationshipType: 'located_at',
        from: { ref: 'o1' },
        to: { ref: 'l1' },
      },
      { kind: 'relationship', id: 'r4', relationshipType: 'uses', from: { ref: 'o1' }, to: { ref: 's1' } },
    ] as never,
    ...overrides,
  };
}

describe('STIX 2.1 export of alerts', () => {
  test('every exported bundle validates against the OASIS STIX 2.1 schemas', () => {
    for (const tlp of Object.keys(TLP_MARKINGS) as Array<keyof typeof TLP_MARKINGS>) {
      for (const alertKind of ['threat_warning', 'modus_operandi', 'wanted']) {
        const bundle = alertToStixBundle(alert({ tlp, alertKind }), sender);
        // A suspect with no known birth date or nationality: no empty lists (STIX §3.1).
        const bare = alertToStixBundle(
          alert({
            tlp,
            alertKind,
            entities: [
              {
                kind: 'person',
                id: 'p9',
                role: 'suspect',
                names: [{ full: 'X Y', script: 'Latn' }],
                datesOfBirth: [],
                nationalities: [],
              },
            ] as never,
          }),
          sender,
        );
        const bareResult = validateStixBundle(bare);
        assert.ok(bareResult.ok, bareResult.ok ? '' : bareResult.errors.join('\n'));
        const r = validateStixBundle(bundle);
        assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
      }
    }
  });

  test('the validator itself refuses what the schemas forbid', () => {
    const bundle = alertToStixBundle(alert(), sender);
    const report = bundle.objects.find((o) => o.type === 'report')!;
    const broken = {
      ...bundle,
      objects: [{ ...report, published: '2026-11-30 10:15' }, ...bundle.objects.slice(1)],
    };
    assert.equal(validateStixBundle(broken).ok, false);
    // Types bundle.json does not list (location) are still held to their own schema.
    const location = bundle.objects.find((o) => o.type === 'location')!;
    const placeless = { ...location, latitude: undefined, longitude: undefined, country: undefined };
    const noPlace = {
      ...bundle,
      objects: bundle.objects.map((o) => (o === location ? JSON.parse(JSON.stringify(placeless)) : o)),
    };
    assert.equal(validateStixBundle(noPlace).ok, false);
    // The extension definition, published beside the bundles, validates against its schema.
    assert.ok(validateStixObject(PASSERELLE_EXTENSION).ok);
    assert.ok(validateStixObject(PASSERELLE_IDENTITY).ok);
    const example = JSON.parse(
      readFileSync(join(bundledDataDir, 'stix2.1', 'example-tlp2-amber-strict.json'), 'utf8'),
    );
    assert.ok(validateStixBundle(example).ok);
  });

  test('objects, TLP 2.0 markings with the official ids, millisecond timestamps, no protected person', () => {
    const bundle = alertToStixBundle(alert(), sender);
    const types = bundle.objects.map((o) => o.type).sort();
    for (const t of [
      'identity',
      'threat-actor',
      'intrusion-set',
      'indicator',
      'location',
      'report',
      'relationship',
      'marking-definition',
      'extension-definition',
      'x-passerelle-phone',
      'x-passerelle-document',
      'x-passerelle-vessel',
    ]) {
      assert.ok(types.includes(t), t);
    }
    const marking = bundle.objects.find((o) => o.type === 'marking-definition' && o.extensions)!;
    assert.equal(marking.id, 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003');
    assert.deepEqual(marking.extensions, {
      [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'amber+strict' },
    });
    const report = bundle.objects.find((o) => o.type === 'report')!;
    assert.equal(report.published, '2026-11-30T10:15:00.123Z');
    const handling = bundle.objects.find(
      (o) => o.type === 'marking-definition' && o.definition_type === 'statement',
    )!;
    assert.deepEqual(report.object_marking_refs, [marking.id, handling.id]);
    const ids = new Set(bundle.objects.map((o) => o.id));
    for (const r of report.object_refs as string[]) assert.ok(ids.has(r), r);
    const text = JSON.stringify(bundle);
    assert.doesNotMatch(text, /Protected Victim Name/);
    const actor = bundle.objects.find((o) => o.type === 'threat-actor')!;
    assert.equal(actor.name, 'Imran Qasmi');
    assert.deepEqual(actor.aliases, ['عمران قاسمی']);
    assert.deepEqual(actor.threat_actor_types, ['terrorist']);
    const indicators = bundle.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    assert.deepEqual(indicators.sort(), [
      "[x-passerelle-document:number = 'ZX1234567']",
      "[x-passerelle-phone:number = '+923001234567']",
      "[x-passerelle-vessel:imo = '9074729']",
    ]);
    const indicates = bundle.objects.filter(
      (o) => o.type === 'relationship' && o.relationship_type === 'indicates',
    );
    assert.equal(indicates.length, 3);
    // The same alert exports to the same ids: TAXII clients see one object, not copies.
    assert.deepEqual(
      alertToStixBundle(alert(), sender).objects.map((o) => o.id),
      bundle.objects.map((o) => o.id),
    );
    assert.match(uuidv5('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("the provider's handling code, restriction, purpose and legal basis travel on every exported object", () => {
    const bundle = alertToStixBundle(
      alert({ handlingRestriction: 'Not to be shared with third countries' }),
      sender,
    );
    const handling = bundle.objects.find(
      (o) => o.type === 'marking-definition' && o.definition_type === 'statement',
    )!;
    const statement = (handling.definition as { statement: string }).statement;
    assert.match(
      statement,
      /handling code H2: No onward transmission without the permission of the provider/,
    );
    assert.match(statement, /Restriction: Not to be shared with third countries/);
    assert.match(statement, /TLP:AMBER\+STRICT/);
    assert.match(statement, /Purpose: Prevent an attack/);
    assert.match(statement, /Legal basis: Agreement art\. 3/);
    assert.match(statement, /Provided by Federal Investigation Agency \(demo\) \(pk-fia\)/);
    const tlp = TLP_MARKINGS['AMBER+STRICT'].id;
    // The publishing agency's identity and Passerelle's extension definition are public.
    const fixed = new Set([PASSERELLE_IDENTITY.id, PASSERELLE_EXTENSION.id, String(handling.created_by_ref)]);
    for (const o of bundle.objects) {
      if (o.type === 'marking-definition' || fixed.has(o.id)) continue;
      assert.deepEqual(o.object_marking_refs, [tlp, handling.id], `${o.id} carries both markings`);
    }
    assert.ok(validateStixBundle(bundle).ok);
  });

  test('import: a Passerelle bundle gives back the alert draft; a foreign bundle is mapped; garbage is refused', () => {
    const original = alert();
    const draft = stixBundleToAlertDraft(alertToStixBundle(original, sender));
    assert.ok(draft.ok, draft.ok ? '' : draft.problems.join('; '));
    const m = draft.draft;
    assert.equal(m.type, 'alert');
    assert.equal(m.subject, original.subject);
    assert.equal(m.alertKind, 'threat_warning');
    assert.equal(m.tlp, 'AMBER+STRICT');
    assert.equal(m.handlingCode, 'H2');
    assert.deepEqual(m.crimeAreas, original.crimeAreas);
    const kinds = (m.entities as Array<{ kind: string; id: string }>).map((e) => `${e.kind}:${e.id}`).sort();
    assert.deepEqual(kinds, [
      'identity_document:d1',
      'location:l1',
      'location:l2',
      'organisation:o1',
      'person:p1',
      'phone:ph1',
      'relationship:r1',
      'relationship:r2',
      'relationship:r3',
      'relationship:r4',
      'vessel:s1',
    ]);
    const foreign = {
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      objects: [
        {
          type: 'report',
          spec_version: '2.1',
          id: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-01-01T00:00:00.000Z',
          name: 'Foreign report',
          published: '2026-01-01T00:00:00.000Z',
          object_refs: ['threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500'],
          object_marking_refs: [TLP_MARKINGS.GREEN.id],
        },
        {
          type: 'threat-actor',
          spec_version: '2.1',
          id: 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500',
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-01-01T00:00:00.000Z',
          name: 'Synthetic Actor',
          aliases: ['S. Actor'],
          resource_level: 'individual',
        },
      ],
    };
    const f = stixBundleToAlertDraft(foreign);
    assert.ok(f.ok);
    assert.equal(f.draft.tlp, 'GREEN');
    assert.equal((f.draft.entities as Array<{ kind: string }>)[0]?.kind, 'person');
    for (const bad of [
      null,
      {},
      { type: 'bundle', id: 'bundle--x', objects: [] },
      {
        type: 'bundle',
        id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
        objects: [{ type: 'indicator' }],
      },
    ]) {
      assert.equal(stixBundleToAlertDraft(bad).ok, false);
    }
  });
});
