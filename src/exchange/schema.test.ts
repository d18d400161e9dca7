import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ALERT_KINDS,
  MAX_ATTACHMENT_BYTES,
  MESSAGE_TYPES,
  type OperationalMessageInput,
  parseOperationalMessage,
} from './schema.js';

const RFI_ID = '01947a6e-8c2b-7d4e-9f10-2a3b4c5d6e7f';
const CONV = RFI_ID;

const rfi = {
  schemaVersion: 1,
  type: 'rfi',
  id: RFI_ID,
  createdAt: '2025-01-20T09:00:00Z',
  conversationId: CONV,
  subject: 'Boat departures from Dakhla, January 2025',
  body: 'Please tell us whether the synthetic person below is known to your services.',
  language: 'fr',
  crimeAreas: ['migrant_smuggling'],
  priority: 'high',
  deadline: '2025-01-27T17:00:00+01:00',
  handlingCode: 'H1',
  tlp: 'AMBER',
  evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
  legalBasis: 'Bilateral security cooperation agreement, art. 3',
  purpose: 'Identify the organisers of the crossing',
  entities: [
    {
      kind: 'person',
      id: 'p1',
      role: 'suspect',
      names: [{ given: 'Imran', family: 'Synthetic', script: 'Latn' }],
      nationalities: ['PK'],
      synthetic: true,
    },
    { kind: 'phone', id: 'ph1', number: '+923001234567' },
    { kind: 'relationship', id: 'r1', relationshipType: 'uses', from: { ref: 'p1' }, to: { ref: 'ph1' } },
  ],
  attachments: [
    {
      id: '01947a6e-8c2b-7d4e-9f10-000000000001',
      name: 'photo.jpg',
      mediaType: 'image/jpeg',
      size: 123456,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
  ],
  retentionReviewDate: '2026-01-20',
};

const reply = {
  ...rfi,
  type: 'reply',
  id: '01947a6e-8c2b-7d4e-9f10-2a3b4c5d6e80',
  createdAt: '2025-01-22T10:00:00+05:00',
  inReplyTo: RFI_ID,
  subject: 'Re: Boat departures',
  language: 'en',
  deadline: undefined,
  entities: [],
  attachments: [],
};

const alert = {
  ...rfi,
  type: 'alert',
  alertKind: 'missing_person',
  id: '01947a6e-8c2b-7d4e-9f10-2a3b4c5d6e81',
  deadline: undefined,
  priority: 'urgent',
  entities: [{ kind: 'person', id: 'p1', role: 'missing', datesOfBirth: ['2007'], synthetic: true }],
  attachments: [],
};

const ack = {
  schemaVersion: 1,
  type: 'ack',
  id: '01947a6e-8c2b-7d4e-9f10-2a3b4c5d6e82',
  createdAt: '2025-01-20T09:05:00Z',
  conversationId: CONV,
  inReplyTo: RFI_ID,
  status: 'accepted',
};

/** `path:code` of every issue, `[]` when valid. */
function keys(input: unknown): string[] {
  const r = parseOperationalMessage(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}:${i.code}`);
}

describe('message types', () => {
  it('lists the five operational message types', () => {
    assert.deepEqual(MESSAGE_TYPES, ['rfi', 'reply', 'info', 'alert', 'ack']);
  });
  it('accepts a valid example of each type', () => {
    const info = { ...rfi, type: 'info', deadline: undefined, tlp: 'GREEN', handlingCode: 'H0' };
    for (const m of [rfi, reply, info, alert, ack]) assert.deepEqual(keys(m), [], m.type);
  });
  it('applies defaults: empty entity and attachment lists, final replies', () => {
    const { entities: _e, attachments: _a, ...bare } = reply;
    const r = parseOperationalMessage(bare);
    assert.ok(r.ok && r.message.type === 'reply');
    assert.deepEqual(r.message.entities, []);
    assert.equal(r.message.final, true);
  });
  it('refuses an unknown or missing type', () => {
    assert.deepEqual(keys({ ...rfi, type: 'case.share' }), ['type:invalid_value']);
    assert.deepEqual(keys({ ...rfi, type: undefined }), ['type:required']);
  });
  it('accepts JSON text, refuses broken JSON', () => {
    assert.deepEqual(keys(JSON.stringify(rfi)), []);
    assert.deepEqual(keys('{"type":'), [':json_invalid']);
    assert.deepEqual(keys(null), [':invalid_type']);
  });
  it('refuses another schema version with one clear issue', () => {
    assert.deepEqual(keys({ ...rfi, schemaVersion: 2, anything: true }), [
      'schemaVersion:schema_version_unsupported',
    ]);
    assert.deepEqual(keys({ ...rfi, schemaVersion: undefined }), ['schemaVersion:required']);
  });
  it('refuses unknown fields', () => {
    assert.deepEqual(keys({ ...rfi, sender: 'ma-dgsn' }), ['sender:unrecognized_key']);
  });
});

describe('common fields', () => {
  it('requires subject, body, legal basis and purpose, not blank', () => {
    assert.deepEqual(keys({ ...rfi, subject: '  ', body: undefined, legalBasis: '', purpose: undefined }), [
      'subject:too_small',
      'body:required',
      'legalBasis:too_small',
      'purpose:required',
    ]);
  });
  it('accepts BCP 47 language tags, including Arabic and Urdu', () => {
    for (const language of ['fr', 'en', 'ar', 'ur', 'ar-MA', 'ur-PK'])
      assert.deepEqual(keys({ ...rfi, language }), []);
  });
  it('refuses malformed language tags', () => {
    assert.deepEqual(keys({ ...rfi, language: 'fr_FR!' }), ['language:language_tag_invalid']);
  });
  it('requires at least one known crime area, without duplicates', () => {
    assert.deepEqual(keys({ ...rfi, crimeAreas: [] }), ['crimeAreas:too_small']);
    assert.deepEqual(keys({ ...rfi, crimeAreas: ['piracy'] }), ['crimeAreas.0:invalid_value']);
    assert.deepEqual(keys({ ...rfi, crimeAreas: ['terrorism', 'terrorism'] }), ['crimeAreas.1:duplicate']);
  });
  it('accepts every priority and refuses others', () => {
    for (const priority of ['routine', 'high', 'urgent', 'threat_to_life'])
      assert.deepEqual(keys({ ...rfi, priority }), []);
    assert.deepEqual(keys({ ...rfi, priority: 'low' }), ['priority:invalid_value']);
  });
  it('requires a free-text restriction with H3, and only with H3', () => {
    assert.deepEqual(keys({ ...rfi, handlingCode: 'H3' }), [
      'handlingRestriction:handling_restriction_required',
    ]);
    assert.deepEqual(
      keys({ ...rfi, handlingCode: 'H3', handlingRestriction: 'Not to be shared with agency X' }),
      [],
    );
    assert.deepEqual(keys({ ...rfi, handlingCode: 'H2', handlingRestriction: 'x' }), [
      'handlingRestriction:invalid',
    ]);
    assert.deepEqual(keys({ ...rfi, handlingCode: 'H4' }), ['handlingCode:invalid_value']);
  });
  it('accepts the five TLP 2.0 labels and refuses TLP 1.0 WHITE', () => {
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'])
      assert.deepEqual(keys({ ...rfi, tlp }), []);
    assert.deepEqual(keys({ ...rfi, tlp: 'WHITE' }), ['tlp:invalid_value']);
  });
  it('accepts every cell of the 4x4 evaluation and nothing outside it', () => {
    for (const sourceReliability of ['A', 'B', 'C', 'X']) {
      for (const informationAccuracy of [1, 2, 3, 4]) {
        assert.deepEqual(keys({ ...rfi, evaluation: { sourceReliability, informationAccuracy } }), []);
      }
    }
    assert.deepEqual(keys({ ...rfi, evaluation: { sourceReliability: 'D', informationAccuracy: 5 } }), [
      'evaluation.sourceReliability:invalid_value',
      'evaluation.informationAccuracy:invalid_value',
    ]);
    assert.deepEqual(keys({ ...rfi, evaluation: { sourceReliability: 'A', informationAccuracy: '1' } }), [
      'evaluation.informationAccuracy:invalid_value',
    ]);
  });
  it('requires a retention review date, not before creation', () => {
    assert.deepEqual(keys({ ...rfi, retentionReviewDate: undefined }), ['retentionReviewDate:required']);
    assert.deepEqual(keys({ ...rfi, retentionReviewDate: '2025-01-19' }), [
      'retentionReviewDate:retention_review_before_creation',
    ]);
    assert.deepEqual(keys({ ...rfi, retentionReviewDate: '2026-02-30' }), [
      'retentionReviewDate:date_invalid',
    ]);
  });
  it('requires ids and conversation ids to be UUIDs', () => {
    assert.deepEqual(keys({ ...rfi, id: 'msg-1', conversationId: 'c' }), [
      'id:invalid_format',
      'conversationId:invalid_format',
    ]);
  });
  it('requires a creation time with a time zone', () => {
    assert.deepEqual(keys({ ...rfi, createdAt: '2025-01-20T09:00:00' }), ['createdAt:datetime_invalid']);
  });
});

describe('entities in messages', () => {
  it('reports entity errors with their full path', () => {
    const entities = [{ ...rfi.entities[0], datesOfBirth: ['1990-02-30'], nationalities: ['PAK'] }];
    assert.deepEqual(keys({ ...rfi, entities }), [
      'entities.0.datesOfBirth.0:date_invalid',
      'entities.0.nationalities.0:country_unknown',
    ]);
  });
  it('refuses relationships to entities not in the message', () => {
    const entities = [rfi.entities[0], rfi.entities[2]];
    assert.deepEqual(keys({ ...rfi, entities }), ['entities.1.to.ref:entity_ref_unknown']);
  });
});

describe('attachments', () => {
  const att = rfi.attachments[0]!;
  it('accepts 50 MiB and refuses one byte more', () => {
    assert.deepEqual(keys({ ...rfi, attachments: [{ ...att, size: MAX_ATTACHMENT_BYTES }] }), []);
    assert.deepEqual(keys({ ...rfi, attachments: [{ ...att, size: MAX_ATTACHMENT_BYTES + 1 }] }), [
      'attachments.0.size:too_big',
    ]);
  });
  it('refuses a bad digest, media type, path-like name and fractional size', () => {
    assert.deepEqual(
      keys({
        ...rfi,
        attachments: [
          { ...att, sha256: att.sha256.toUpperCase(), mediaType: 'JPEG', name: '../etc/passwd', size: 1.5 },
        ],
      }),
      [
        'attachments.0.name:invalid_format',
        'attachments.0.mediaType:media_type_format',
        'attachments.0.size:invalid_type',
        'attachments.0.sha256:sha256_format',
      ],
    );
  });
  it('refuses control characters in a file name', () => {
    assert.deepEqual(keys({ ...rfi, attachments: [{ ...att, name: 'a\u0000.jpg' }] }), [
      'attachments.0.name:invalid_format',
    ]);
  });
  it('refuses two attachments with the same id', () => {
    assert.deepEqual(keys({ ...rfi, attachments: [att, att] }), ['attachments.1.id:duplicate']);
  });
});

describe('rfi', () => {
  it('requires a deadline after creation', () => {
    assert.deepEqual(keys({ ...rfi, deadline: undefined }), ['deadline:required']);
    assert.deepEqual(keys({ ...rfi, deadline: '2025-01-20T10:00:00+01:00' }), [
      'deadline:deadline_not_after_creation',
    ]);
    assert.deepEqual(keys({ ...rfi, deadline: '2025-01-20T09:00:01Z' }), []);
  });
  it('may follow up a hit', () => {
    assert.deepEqual(keys({ ...rfi, hitRef: 'hit-2025-0042' }), []);
  });
});

describe('reply', () => {
  it('must refer to the request it answers', () => {
    assert.deepEqual(keys({ ...reply, inReplyTo: undefined }), ['inReplyTo:required']);
    assert.deepEqual(keys({ ...reply, inReplyTo: 'rfi-1' }), ['inReplyTo:invalid_format']);
  });
});

describe('alert', () => {
  it('accepts every alert kind when its subject is present', () => {
    const person = (role: string) => [{ kind: 'person', id: 'p1', role, synthetic: true }];
    const subjects: Record<string, unknown[]> = {
      missing_person: person('missing'),
      unidentified_body: person('deceased'),
      wanted: person('suspect'),
      threat_warning: [],
      modus_operandi: [],
    };
    for (const alertKind of ALERT_KINDS) {
      assert.deepEqual(keys({ ...alert, alertKind, entities: subjects[alertKind] }), [], alertKind);
    }
  });
  it('requires the person the alert is about', () => {
    assert.deepEqual(keys({ ...alert, entities: [] }), ['entities:alert_entity_required']);
    assert.deepEqual(keys({ ...alert, alertKind: 'wanted' }), ['entities:alert_entity_required']);
  });
  it('refuses an unknown alert kind and a validity ending before creation', () => {
    assert.deepEqual(keys({ ...alert, alertKind: 'stolen_car' }), ['alertKind:invalid_value']);
    assert.deepEqual(keys({ ...alert, validUntil: '2025-01-01T00:00:00Z' }), ['validUntil:date_order']);
  });
});

describe('ack', () => {
  it('accepts read, accepted, declined with a reason', () => {
    for (const status of ['read', 'accepted']) assert.deepEqual(keys({ ...ack, status }), []);
    assert.deepEqual(keys({ ...ack, status: 'declined', reason: 'Outside our competence' }), []);
  });
  it('requires a reason to decline, and a message to acknowledge', () => {
    assert.deepEqual(keys({ ...ack, status: 'declined' }), ['reason:decline_reason_required']);
    assert.deepEqual(keys({ ...ack, inReplyTo: undefined }), ['inReplyTo:required']);
    assert.deepEqual(keys({ ...ack, status: 'ignored' }), ['status:invalid_value']);
  });
  it('carries no operational content', () => {
    assert.deepEqual(keys({ ...ack, body: 'x' }), ['body:unrecognized_key']);
  });
});

describe('hostile input', () => {
  it('property: arbitrary JSON never throws and is refused with issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseOperationalMessage(value);
        return !r.ok && r.issues.length > 0 && r.issues.every((i) => typeof i.code === 'string');
      }),
      { numRuns: 200 },
    );
  });
  it('property: dropping any one required field of an rfi is reported on that field', () => {
    const required = Object.keys(rfi).filter((k) => !['entities', 'attachments'].includes(k));
    fc.assert(
      fc.property(fc.constantFrom(...required), (field) => {
        const copy: Record<string, unknown> = { ...rfi };
        delete copy[field];
        const r = parseOperationalMessage(copy);
        return !r.ok && r.issues.some((i) => i.path === field && i.code === 'required');
      }),
      { numRuns: 50 },
    );
  });
});

// Compile-time check that the input type admits the example.
const _typed: OperationalMessageInput = ack as OperationalMessageInput;
void _typed;
