/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as entities from '../../../../src/entities/index.js';
import * as schema from '../../../../src/exchange/schema.js';
import {
  buildEntity,
  buildMessage,
  checkDraft,
  controlPaths,
  emptyDraft,
  emptyEntity,
  replyDraft,
} from './compose-model.js';
import { controlIdFor, formPath, issuesFromFailure } from './issues.js';
import type { MessageSummary } from './types.js';
import * as vocabulary from './vocabulary.js';

describe('exchange vocabulary', () => {
  it('mirrors the server schema exactly', () => {
    assert.deepEqual(vocabulary.MESSAGE_TYPES, schema.MESSAGE_TYPES);
    assert.deepEqual(vocabulary.CRIME_AREAS, schema.CRIME_AREAS);
    assert.deepEqual(vocabulary.PRIORITIES, schema.PRIORITIES);
    assert.deepEqual(vocabulary.HANDLING_CODES, schema.HANDLING_CODES);
    assert.deepEqual(vocabulary.TLP_LEVELS, schema.TLP_LEVELS);
    assert.deepEqual(vocabulary.SOURCE_RELIABILITY, schema.SOURCE_RELIABILITY);
    assert.deepEqual(vocabulary.INFORMATION_ACCURACY, schema.INFORMATION_ACCURACY);
    assert.deepEqual(vocabulary.ALERT_KINDS, schema.ALERT_KINDS);
    assert.deepEqual(vocabulary.ACK_STATUSES, schema.ACK_STATUSES);
    assert.equal(vocabulary.MAX_ATTACHMENT_BYTES, schema.MAX_ATTACHMENT_BYTES);
  });

  it('mirrors the entity enumerations exactly', () => {
    assert.deepEqual(vocabulary.ENTITY_KINDS, entities.ENTITY_KINDS);
    assert.deepEqual(vocabulary.PERSON_ROLES, entities.PERSON_ROLES);
    assert.deepEqual(vocabulary.SEXES, entities.SEXES);
    assert.deepEqual(vocabulary.DOCUMENT_TYPES, entities.DOCUMENT_TYPES);
    assert.deepEqual(vocabulary.ORGANISATION_TYPES, entities.ORGANISATION_TYPES);
    for (const script of vocabulary.NAME_SCRIPTS) assert.ok(entities.SCRIPTS.includes(script), script);
  });
});

describe('compose model', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  function filledDraft() {
    const draft = emptyDraft('fr', now);
    draft.recipient = 'pk-fia';
    draft.subject = 'Passeur présumé';
    draft.body = 'Merci de vérifier.';
    draft.crimeAreas = ['migrant_smuggling'];
    draft.deadline = '2026-03-10T12:00';
    draft.legalBasis = 'Accord bilatéral, art. 4';
    draft.purpose = 'Enquête sur un réseau de passeurs';
    const person = emptyEntity('person', 'person-1');
    if (person.kind !== 'person') throw new Error('unreachable');
    person.names = [
      { script: 'Latn', given: 'Karim', family: 'Haddad', father: '', full: '' },
      { script: 'Arab', given: '', family: '', father: '', full: 'كريم حداد' },
    ];
    person.datesOfBirth = '1990, 1991-05';
    person.nationalities = 'ma pk';
    draft.entities = [person];
    return draft;
  }

  it('builds a message the server schema accepts', () => {
    const message = buildMessage(filledDraft());
    const parsed = schema.parseOperationalMessage({
      ...message,
      schemaVersion: 1,
      id: '0195a3c4-0000-7000-8000-000000000001',
      conversationId: '0195a3c4-0000-7000-8000-000000000001',
      createdAt: now.toISOString(),
    });
    assert.deepEqual(parsed.ok ? [] : parsed.issues, []);
  });

  it('addresses a unit and named officers; TLP:RED requires named officers', () => {
    const draft = filledDraft();
    draft.tlp = 'RED';
    assert.ok(checkDraft(draft).some((i) => i.path === 'addressedTo.officers'));
    draft.toUnit = 'CID';
    draft.toOfficers = ' bilal, Nadia ,';
    assert.deepEqual(checkDraft(draft), []);
    const message = buildMessage(draft);
    assert.deepEqual(message.addressedTo, { unit: 'cid', officers: ['bilal', 'nadia'] });
    const parsed = schema.parseOperationalMessage({
      ...message,
      schemaVersion: 1,
      id: '0195a3c4-0000-7000-8000-000000000001',
      conversationId: '0195a3c4-0000-7000-8000-000000000001',
      createdAt: now.toISOString(),
    });
    assert.deepEqual(parsed.ok ? [] : parsed.issues, []);
  });

  it('keeps each name in its script and drops empty parts', () => {
    const person = buildEntity(filledDraft().entities[0]!);
    assert.deepEqual(person.names, [
      { script: 'Latn', given: 'Karim', family: 'Haddad' },
      { script: 'Arab', full: 'كريم حداد' },
    ]);
    assert.deepEqual(person.datesOfBirth, ['1990', '1991-05']);
    assert.deepEqual(person.nationalities, ['MA', 'PK']);
  });

  it('requires a deadline for a request and a restriction for H3', () => {
    const draft = filledDraft();
    draft.deadline = '';
    draft.handlingCode = 'H3';
    const paths = checkDraft(draft).map((issue) => issue.path);
    assert.deepEqual(paths.sort(), ['deadline', 'handlingRestriction']);
    draft.type = 'info';
    assert.deepEqual(
      checkDraft(draft).map((issue) => issue.path),
      ['handlingRestriction'],
    );
  });

  it('answers in the same conversation with the original markings', () => {
    // A summary as the inbox lists it: what a reply takes from the original.
    const original: MessageSummary = {
      id: 'm1',
      conversationId: 'c1',
      direction: 'in',
      partner: 'pk-fia',
      type: 'rfi',
      subject: 'Vessel check',
      priority: 'urgent',
      crimeAreas: ['migrant_smuggling'],
      handlingCode: 'H2',
      tlp: 'AMBER+STRICT',
      deadline: null,
      overdue: false,
      createdAt: '',
      receivedAt: null,
      readAt: null,
      status: 'received',
      delivery: null,
      hasAttachments: false,
      inReplyTo: null,
      ackStatus: null,
      ackReason: null,
      ackAt: null,
      unit: null,
      addressedOfficers: [],
      review: null,
    };
    const reply = replyDraft(original, 'pk-fia', 'en', now);
    assert.equal(reply.type, 'reply');
    assert.equal(reply.subject, 'Re: Vessel check');
    assert.equal(reply.inReplyTo, 'm1');
    assert.equal(reply.conversationId, 'c1');
    assert.equal(reply.tlp, 'AMBER+STRICT');
    assert.equal(reply.handlingCode, 'H2');
  });
});

describe('server issues', () => {
  it('maps message paths to form fields', () => {
    const issues = issuesFromFailure({
      ok: false,
      status: 400,
      code: 'bad_request',
      message: 'Invalid',
      details: {
        issues: [
          { path: 'message.subject', code: 'too_small', message: 'Required' },
          { path: 'message.entities.0.names.1.full', code: 'name_script_mismatch', message: 'x' },
          { path: 'recipient', code: 'partner_not_verified', message: 'y' },
        ],
      },
    });
    assert.deepEqual(
      issues.map((issue) => issue.path),
      ['subject', 'entities.0.names.1.full', 'recipient'],
    );
    assert.equal(formPath('message'), '');
  });

  it('places an issue on the nearest control', () => {
    const draft = emptyDraft('fr');
    draft.entities = [emptyEntity('person', 'person-1')];
    const known = controlPaths(draft);
    assert.equal(controlIdFor('entities.0.names.0.full', known), 'entities.0.names.0.full');
    assert.equal(controlIdFor('entities.0.datesOfBirth.2', known), 'entities.0.datesOfBirth');
    assert.equal(controlIdFor('crimeAreas.1', known), 'crimeAreas');
    assert.equal(controlIdFor('schemaVersion', known), undefined);
  });
});
