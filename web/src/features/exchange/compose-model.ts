import type { FieldIssue, MessageDetail } from './types.js';
import type { EditableEntityKind } from './vocabulary.js';

/** A name of a person as typed: one script, any of the four parts. */
export interface NameDraft {
  script: string;
  given: string;
  family: string;
  father: string;
  full: string;
}

/** An entity being typed in the compose form; text fields stay strings until the message is built. */
export type EntityDraft =
  | {
      kind: 'person';
      id: string;
      role: string;
      sex: string;
      names: NameDraft[];
      /** Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) separated by commas or spaces. */
      datesOfBirth: string;
      /** ISO 3166-1 alpha-2 codes separated by commas or spaces. */
      nationalities: string;
    }
  | {
      kind: 'identity_document';
      id: string;
      documentType: string;
      number: string;
      issuingCountry: string;
      expiryDate: string;
      mrz: string;
    }
  | { kind: 'phone'; id: string; number: string; country: string }
  | { kind: 'vessel'; id: string; name: string; flag: string; imo: string; mmsi: string }
  | { kind: 'organisation'; id: string; organisationType: string; name: string; script: string }
  | { kind: 'location'; id: string; name: string; script: string; lat: string; lon: string };

/** The compose form's state. */
export interface MessageDraft {
  recipient: string;
  type: string;
  alertKind: string;
  subject: string;
  body: string;
  language: string;
  crimeAreas: string[];
  priority: string;
  /** `datetime-local` value, in the user's time zone. */
  deadline: string;
  handlingCode: string;
  handlingRestriction: string;
  tlp: string;
  source: string;
  accuracy: string;
  legalBasis: string;
  purpose: string;
  retentionReviewDate: string;
  entities: EntityDraft[];
  inReplyTo: string;
  conversationId: string;
  /** Unit of the receiving node the message is for (need-to-know); empty: none. */
  toUnit: string;
  /** User names at the receiving node, comma-separated (TLP:RED requires them). */
  toOfficers: string;
}

/** `YYYY-MM-DD` of a date in local time. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A fresh draft: routine, H0, TLP:AMBER, evaluation B2, review in a year. */
export function emptyDraft(language: string, now = new Date()): MessageDraft {
  const review = new Date(now);
  review.setFullYear(review.getFullYear() + 1);
  return {
    recipient: '',
    type: 'rfi',
    alertKind: 'threat_warning',
    subject: '',
    body: '',
    language,
    crimeAreas: [],
    priority: 'routine',
    deadline: '',
    handlingCode: 'H0',
    handlingRestriction: '',
    tlp: 'AMBER',
    source: 'B',
    accuracy: '2',
    legalBasis: '',
    purpose: '',
    retentionReviewDate: localDate(review),
    entities: [],
    inReplyTo: '',
    conversationId: '',
    toUnit: '',
    toOfficers: '',
  };
}

/** A draft answering `original`: same partner, thread, areas and markings; the subject prefixed. */
export function replyDraft(
  original: Pick<
    MessageDetail,
    'id' | 'conversationId' | 'subject' | 'crimeAreas' | 'priority' | 'handlingCode' | 'tlp'
  > &
    Partial<Pick<MessageDetail, 'language' | 'handlingRestriction' | 'legalBasis' | 'purpose'>>,
  partner: string,
  language: string,
  now = new Date(),
): MessageDraft {
  const subject = original.subject ?? '';
  return {
    ...emptyDraft(original.language ?? language, now),
    recipient: partner,
    type: 'reply',
    subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
    crimeAreas: [...(original.crimeAreas ?? [])],
    priority: original.priority ?? 'routine',
    handlingCode: original.handlingCode ?? 'H0',
    handlingRestriction: original.handlingRestriction ?? '',
    tlp: original.tlp ?? 'AMBER',
    legalBasis: original.legalBasis ?? '',
    purpose: original.purpose ?? '',
    inReplyTo: original.id,
    conversationId: original.conversationId,
  };
}

/** Next free entity id for a kind: `person-1`, `person-2`… */
export function nextEntityId(kind: EditableEntityKind, entities: readonly EntityDraft[]): string {
  const taken = new Set(entities.map((entity) => entity.id));
  for (let n = 1; ; n++) {
    const id = `${kind.replace('_', '-')}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A blank entity of a kind. */
export function emptyEntity(kind: EditableEntityKind, id: string): EntityDraft {
  switch (kind) {
    case 'person':
      return {
        kind,
        id,
        role: 'suspect',
        sex: '',
        names: [{ script: 'Latn', given: '', family: '', father: '', full: '' }],
        datesOfBirth: '',
        nationalities: '',
      };
    case 'identity_document':
      return { kind, id, documentType: 'passport', number: '', issuingCountry: '', expiryDate: '', mrz: '' };
    case 'phone':
      return { kind, id, number: '', country: '' };
    case 'vessel':
      return { kind, id, name: '', flag: '', imo: '', mmsi: '' };
    case 'organisation':
      return { kind, id, organisationType: 'criminal_network', name: '', script: 'Latn' };
    case 'location':
      return { kind, id, name: '', script: 'Latn', lat: '', lon: '' };
  }
}

/** Splits a list typed with commas, semicolons or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function put(target: Record<string, unknown>, key: string, value: string): void {
  const trimmed = value.trim();
  if (trimmed !== '') target[key] = trimmed;
}

/** The API form of an entity; empty fields are left out so the server reports only what is wrong. */
export function buildEntity(draft: EntityDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: draft.kind, id: draft.id };
  switch (draft.kind) {
    case 'person': {
      out.role = draft.role;
      put(out, 'sex', draft.sex);
      out.names = draft.names
        .map((name) => {
          const built: Record<string, unknown> = { script: name.script };
          put(built, 'given', name.given);
          put(built, 'family', name.family);
          put(built, 'father', name.father);
          put(built, 'full', name.full);
          return built;
        })
        .filter((name) => Object.keys(name).length > 1);
      out.datesOfBirth = splitList(draft.datesOfBirth);
      out.nationalities = splitList(draft.nationalities).map((code) => code.toUpperCase());
      break;
    }
    case 'identity_document':
      out.documentType = draft.documentType;
      out.number = draft.number.trim();
      out.issuingCountry = draft.issuingCountry.trim().toUpperCase();
      put(out, 'expiryDate', draft.expiryDate);
      // The machine-readable zone keeps its line breaks (ICAO 9303); only trailing blanks go.
      if (draft.mrz.trim() !== '')
        out.mrz = draft.mrz
          .trim()
          .replace(/[ \t]+$/gm, '')
          .replace(/\r\n?/g, '\n');
      break;
    case 'phone':
      out.number = draft.number.trim();
      put(out, 'country', draft.country.toUpperCase());
      break;
    case 'vessel':
      put(out, 'name', draft.name);
      put(out, 'flag', draft.flag.toUpperCase());
      put(out, 'imo', draft.imo);
      put(out, 'mmsi', draft.mmsi);
      break;
    case 'organisation':
      out.organisationType = draft.organisationType;
      out.names = draft.name.trim() === '' ? [] : [{ name: draft.name.trim(), script: draft.script }];
      break;
    case 'location': {
      if (draft.name.trim() !== '') out.names = [{ name: draft.name.trim(), script: draft.script }];
      if (draft.lat.trim() !== '' || draft.lon.trim() !== '') {
        out.coordinates = {
          lat: Number(draft.lat.replace(',', '.')),
          lon: Number(draft.lon.replace(',', '.')),
        };
      }
      break;
    }
  }
  return out;
}

/** The `message` of `POST /api/v1/messages`. */
export function buildMessage(draft: MessageDraft): Record<string, unknown> {
  const message: Record<string, unknown> = {
    type: draft.type,
    subject: draft.subject.trim(),
    body: draft.body.trim(),
    language: draft.language,
    crimeAreas: draft.crimeAreas,
    priority: draft.priority,
    handlingCode: draft.handlingCode,
    tlp: draft.tlp,
    evaluation: { sourceReliability: draft.source, informationAccuracy: Number(draft.accuracy) },
    legalBasis: draft.legalBasis.trim(),
    purpose: draft.purpose.trim(),
    entities: draft.entities.map(buildEntity),
    retentionReviewDate: draft.retentionReviewDate,
  };
  if (draft.type === 'alert') message.alertKind = draft.alertKind;
  if (draft.deadline !== '') {
    const deadline = new Date(draft.deadline);
    message.deadline = Number.isNaN(deadline.getTime()) ? draft.deadline : deadline.toISOString();
  }
  if (draft.handlingCode === 'H3') message.handlingRestriction = draft.handlingRestriction.trim();
  if (draft.inReplyTo !== '') message.inReplyTo = draft.inReplyTo;
  if (draft.conversationId !== '') message.conversationId = draft.conversationId;
  const officers = draft.toOfficers
    .split(',')
    .map((o) => o.trim().toLowerCase())
    .filter((o) => o !== '');
  if (draft.toUnit.trim() !== '' || officers.length > 0) {
    message.addressedTo = {
      ...(draft.toUnit.trim() !== '' ? { unit: draft.toUnit.trim().toLowerCase() } : {}),
      ...(officers.length > 0 ? { officers } : {}),
    };
  }
  return message;
}

/**
 * Checks the form can hold a message before sending: required fields only. Everything else (formats,
 * scripts, check digits) is the server's, whose answer the form shows field by field.
 */
export function checkDraft(draft: MessageDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required = (path: string, value: string | readonly unknown[]) => {
    if ((typeof value === 'string' ? value.trim() : value).length === 0)
      issues.push({ path, code: 'required', message: '' });
  };
  required('recipient', draft.recipient);
  required('subject', draft.subject);
  required('body', draft.body);
  required('crimeAreas', draft.crimeAreas);
  if (draft.type === 'rfi') required('deadline', draft.deadline);
  if (draft.handlingCode === 'H3') required('handlingRestriction', draft.handlingRestriction);
  required('legalBasis', draft.legalBasis);
  required('purpose', draft.purpose);
  required('retentionReviewDate', draft.retentionReviewDate);
  if (draft.type === 'reply') required('inReplyTo', draft.inReplyTo);
  if (draft.tlp === 'RED') required('addressedTo.officers', draft.toOfficers);
  draft.entities.forEach((entity, index) => {
    const at = `entities.${index}`;
    if (entity.kind === 'identity_document') {
      required(`${at}.number`, entity.number);
      required(`${at}.issuingCountry`, entity.issuingCountry);
    }
    if (entity.kind === 'phone') required(`${at}.number`, entity.number);
    if (entity.kind === 'organisation') required(`${at}.names`, entity.name);
    if (entity.kind === 'person') {
      entity.names.forEach((name, n) => {
        if (!name.given.trim() && !name.family.trim() && !name.father.trim() && !name.full.trim()) {
          issues.push({ path: `${at}.names.${n}`, code: 'name_empty', message: '' });
        }
      });
    }
  });
  return issues;
}

/** Every path the form has a control for, so a server issue finds the nearest control. */
export function controlPaths(draft: MessageDraft): Set<string> {
  const paths = new Set([
    'addressedTo.unit',
    'addressedTo.officers',
    'recipient',
    'type',
    'alertKind',
    'subject',
    'body',
    'language',
    'crimeAreas',
    'priority',
    'deadline',
    'handlingCode',
    'handlingRestriction',
    'tlp',
    'evaluation',
    'evaluation.sourceReliability',
    'evaluation.informationAccuracy',
    'legalBasis',
    'purpose',
    'retentionReviewDate',
    'attachments',
    'inReplyTo',
    'entities',
  ]);
  draft.entities.forEach((entity, index) => {
    const at = `entities.${index}`;
    paths.add(at);
    const fields: Record<EntityDraft['kind'], string[]> = {
      person: ['role', 'sex', 'names', 'datesOfBirth', 'nationalities', 'stateless'],
      identity_document: ['documentType', 'number', 'issuingCountry', 'expiryDate', 'mrz'],
      phone: ['number', 'country'],
      vessel: ['name', 'flag', 'imo', 'mmsi'],
      organisation: ['organisationType', 'names'],
      location: ['names', 'coordinates', 'coordinates.lat', 'coordinates.lon'],
    };
    for (const field of fields[entity.kind]) paths.add(`${at}.${field}`);
    if (entity.kind === 'person') {
      entity.names.forEach((_, n) => {
        for (const part of ['', '.script', '.given', '.family', '.father', '.full'])
          paths.add(`${at}.names.${n}${part}`);
      });
    }
  });
  return paths;
}

/** DOM id of the control for a path. */
export function controlDomId(path: string): string {
  return `compose-field-${path.replace(/\./g, '-')}`;
}
