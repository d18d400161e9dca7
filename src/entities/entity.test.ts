import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entityListSchema, entitySchema } from './entity.js';
import { eventSchema } from './event.js';
import { formatIssues, parseWithIssues } from './issues.js';
import { locationSchema } from './location.js';
import { organisationSchema } from './organisation.js';
import { relationshipSchema } from './relationship.js';
import { issueKeys } from './test-util.js';

const smuggler = {
  kind: 'person',
  id: 'p1',
  role: 'suspect',
  names: [{ given: 'Ali', family: 'Synthetic', script: 'Latn' }],
  synthetic: true,
};
const migrant = { kind: 'person', id: 'p2', role: 'victim', synthetic: true };
const network = {
  kind: 'organisation',
  id: 'o1',
  organisationType: 'criminal_network',
  names: [{ name: 'Synthetic network', script: 'Latn' }],
};
const boat = { kind: 'vessel', id: 'v1', vesselType: 'wooden_boat', description: 'blue, 15 m' };
const beach = { kind: 'location', id: 'l1', coordinates: { lat: 23.68, lon: -15.96 }, country: 'MA' };
const wreck = { kind: 'event', id: 'e1', eventType: 'shipwreck', occurredAt: '2025-01', locationRef: 'l1' };
const link = (id: string, relationshipType: string, from: string, to: string) => ({
  kind: 'relationship',
  id,
  relationshipType,
  from: { ref: from },
  to: { ref: to },
});

describe('entitySchema (discriminated by kind)', () => {
  it('parses every kind', () => {
    for (const e of [smuggler, migrant, network, boat, beach, wreck, link('r1', 'member', 'p1', 'o1')]) {
      assert.equal(entitySchema.parse(e).kind, e.kind);
    }
  });
  it('refuses an unknown kind with a clear code', () => {
    assert.deepEqual(issueKeys(entitySchema, { kind: 'animal', id: 'x' }), ['kind:invalid_value']);
  });
  it('refuses an entity without an id, or with an id unsafe in paths', () => {
    assert.deepEqual(issueKeys(entitySchema, { ...boat, id: undefined }), ['id:required']);
    assert.deepEqual(issueKeys(entitySchema, { ...boat, id: '../x' }), ['id:invalid_format']);
  });
  it('keeps provenance and refuses one without a time', () => {
    assert.deepEqual(
      issueKeys(entitySchema, {
        ...boat,
        provenance: { partner: 'pk-fia', at: '2025-02-01T08:00:00+05:00' },
      }),
      [],
    );
    assert.deepEqual(issueKeys(entitySchema, { ...boat, provenance: { partner: 'pk-fia' } }), [
      'provenance.at:required',
    ]);
    assert.deepEqual(issueKeys(entitySchema, { ...boat, provenance: { at: '2025-02-01 08:00' } }), [
      'provenance.at:datetime_invalid',
    ]);
  });
});

describe('entityListSchema (graph rules)', () => {
  const graph = [
    smuggler,
    migrant,
    network,
    boat,
    beach,
    wreck,
    link('r1', 'member', 'p1', 'o1'),
    link('r2', 'transporter', 'p1', 'p2'),
    link('r3', 'uses', 'o1', 'v1'),
    link('r4', 'involved_in', 'v1', 'e1'),
  ];
  it('accepts a consistent link chart', () => {
    assert.deepEqual(issueKeys(entityListSchema, graph), []);
  });
  it('refuses duplicate ids', () => {
    assert.deepEqual(issueKeys(entityListSchema, [smuggler, { ...migrant, id: 'p1' }]), [
      '1.id:entity_id_duplicate',
    ]);
  });
  it('refuses links and references to entities that are not in the list', () => {
    assert.deepEqual(issueKeys(entityListSchema, [smuggler, link('r1', 'recruiter', 'p1', 'p9'), wreck]), [
      '1.to.ref:entity_ref_unknown',
      '2.locationRef:entity_ref_unknown',
    ]);
  });
  it('refuses link ends of the wrong kind', () => {
    assert.deepEqual(
      issueKeys(entityListSchema, [smuggler, boat, network, link('r1', 'member', 'p1', 'v1')]),
      ['3.to.ref:relationship_kinds'],
    );
    assert.deepEqual(issueKeys(entityListSchema, [smuggler, migrant, link('r1', 'owns', 'p1', 'p2')]), [
      '2.to.ref:relationship_kinds',
    ]);
  });
  it('checks document holders are persons', () => {
    const doc = {
      kind: 'identity_document',
      id: 'd1',
      documentType: 'passport',
      number: 'X1',
      issuingCountry: 'PK',
      holderRef: 'o1',
    };
    assert.deepEqual(issueKeys(entityListSchema, [network, doc]), ['1.holderRef:relationship_kinds']);
  });
});

describe('relationshipSchema', () => {
  it('refuses a link from an entity to itself and dates in the wrong order', () => {
    assert.deepEqual(
      issueKeys(relationshipSchema, {
        ...link('r1', 'relative', 'p1', 'p1'),
        since: '2024',
        until: '2023-05',
      }),
      ['to.ref:invalid', 'until:date_order'],
    );
  });
  it('refuses an unknown relationship type', () => {
    assert.deepEqual(issueKeys(relationshipSchema, link('r1', 'friend', 'p1', 'p2')), [
      'relationshipType:invalid_value',
    ]);
  });
});

describe('locationSchema', () => {
  it('accepts a place known only by its names in two scripts', () => {
    const dakhla = {
      kind: 'location',
      id: 'l2',
      names: [
        { name: 'Dakhla', script: 'Latn' },
        { name: 'الداخلة', script: 'Arab', lang: 'ar' },
      ],
    };
    assert.deepEqual(issueKeys(locationSchema, dakhla), []);
  });
  it('refuses coordinates out of range', () => {
    assert.deepEqual(issueKeys(locationSchema, { ...beach, coordinates: { lat: 91, lon: -181 } }), [
      'coordinates.lat:latitude_range',
      'coordinates.lon:longitude_range',
    ]);
  });
  it('accepts the range limits', () => {
    assert.deepEqual(issueKeys(locationSchema, { ...beach, coordinates: { lat: -90, lon: 180 } }), []);
  });
  it('requires something to locate by', () => {
    assert.deepEqual(issueKeys(locationSchema, { kind: 'location', id: 'l3' }), [':identifier_missing']);
  });
});

describe('organisationSchema and eventSchema', () => {
  it('accepts a UN list reference and refuses a malformed one', () => {
    assert.deepEqual(issueKeys(organisationSchema, { ...network, unListReference: 'QDe.115' }), []);
    assert.deepEqual(issueKeys(organisationSchema, { ...network, unListReference: 'QDE-115' }), [
      'unListReference:invalid_format',
    ]);
  });
  it('requires an organisation name', () => {
    assert.deepEqual(issueKeys(organisationSchema, { ...network, names: [] }), ['names:too_small']);
  });
  it('accepts partial and full event times, refuses an end before the start', () => {
    assert.deepEqual(
      issueKeys(eventSchema, { ...wreck, occurredAt: '2025-01-15T03:40:00Z', endedAt: '2025-01-16' }),
      [],
    );
    assert.deepEqual(
      issueKeys(eventSchema, { ...wreck, occurredAt: '2025-01-15', endedAt: '2025-01-14T23:00:00Z' }),
      ['endedAt:date_order'],
    );
    assert.deepEqual(issueKeys(eventSchema, { ...wreck, occurredAt: '15/01/2025' }), [
      'occurredAt:date_invalid',
    ]);
  });
  it('keeps agency references', () => {
    const parsed = eventSchema.parse({
      ...wreck,
      references: [{ issuer: 'IOM', reference: 'MMP-2025-0001' }],
    });
    assert.equal(parsed.references[0]?.issuer, 'IOM');
  });
});

describe('formatIssues', () => {
  it('gives dotted paths, stable codes, English messages and translation params', () => {
    const r = parseWithIssues(entityListSchema, [
      { ...smuggler, names: [], datesOfBirth: ['1990-02-30'], sex: 'M' },
    ]);
    assert.ok(!r.ok);
    assert.deepEqual(r.issues, [
      {
        path: '0.sex',
        code: 'invalid_value',
        message: 'Must be one of: female, male, unspecified, unknown',
        params: { values: ['female', 'male', 'unspecified', 'unknown'] },
      },
      {
        path: '0.datesOfBirth.0',
        code: 'date_invalid',
        message: 'Must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
      },
    ]);
  });
  it('tells a missing field from a wrongly typed one, given the input', () => {
    const missing = entitySchema.safeParse({ kind: 'vehicle', id: 'c1', plate: 5 });
    assert.ok(!missing.success);
    assert.deepEqual(
      formatIssues(missing.error).map((i) => [i.path, i.code, i.message]),
      [['plate', 'invalid_type', 'Expected string']],
    );
    const input = { kind: 'organisation', id: 'o1', names: [{ script: 'Latn' }] };
    const absent = organisationSchema.safeParse(input);
    assert.ok(!absent.success);
    // Without the input, zod's issues cannot tell a missing enum from a wrong one.
    assert.deepEqual(
      formatIssues(absent.error).map((i) => `${i.path}:${i.code}`),
      ['organisationType:invalid_value', 'names.0.name:required'],
    );
    assert.deepEqual(
      formatIssues(absent.error, input).map((i) => `${i.path}:${i.code}`),
      ['organisationType:required', 'names.0.name:required'],
    );
  });
  it('never copies input values into issues', () => {
    const secret = 'Very-Secret-Name-Ω';
    const r = parseWithIssues(entitySchema, {
      ...smuggler,
      names: [{ full: secret, script: 'Arab' }],
      x: secret,
    });
    assert.ok(!r.ok);
    assert.ok(!JSON.stringify(r.issues).includes(secret));
  });
  it('reports size limits with their bounds', () => {
    const r = parseWithIssues(entitySchema, { ...boat, name: 'x'.repeat(201) });
    assert.ok(!r.ok);
    assert.deepEqual(r.issues, [
      {
        path: 'name',
        code: 'too_big',
        message: 'Must be at most 200 characters long',
        params: { maximum: 200 },
      },
    ]);
  });
});
