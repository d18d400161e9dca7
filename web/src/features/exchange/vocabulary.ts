/**
 * The exchange vocabulary, mirrored from `src/exchange/schema.ts` and `src/entities` so the bundle does
 * not carry the server's validators; `vocabulary.test.ts` fails if the two drift apart.
 */

/** Operational message types. */
export const MESSAGE_TYPES = ['rfi', 'reply', 'info', 'alert', 'ack'] as const;
/** An operational message type. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Types a user composes (an `ack` is sent with the acknowledge buttons). */
export const COMPOSABLE_TYPES = ['rfi', 'reply', 'info', 'alert'] as const;

/** Crime areas (Europol / INTERPOL mandates). */
export const CRIME_AREAS = [
  'migrant_smuggling',
  'trafficking_in_persons',
  'terrorism',
  'document_fraud',
  'organised_crime',
  'drug_trafficking',
  'money_laundering',
  'cybercrime',
  'other',
] as const;
/** A crime area. */
export type CrimeArea = (typeof CRIME_AREAS)[number];

/** Priorities, lowest first. */
export const PRIORITIES = ['routine', 'high', 'urgent', 'threat_to_life'] as const;
/** A priority. */
export type Priority = (typeof PRIORITIES)[number];

/** Handling codes (Europol/SIENA). */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
/** A handling code. */
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** FIRST TLP 2.0 labels, most restrictive last. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
/** A TLP 2.0 label. */
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** 4x4 evaluation: source reliability. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
/** 4x4 evaluation: information accuracy. */
export const INFORMATION_ACCURACY = [1, 2, 3, 4] as const;

/** Kinds of alert. */
export const ALERT_KINDS = [
  'missing_person',
  'unidentified_body',
  'wanted',
  'threat_warning',
  'modus_operandi',
] as const;

/** Acknowledgement statuses. */
export const ACK_STATUSES = ['read', 'accepted', 'declined'] as const;
/** An acknowledgement status. */
export type AckStatus = (typeof ACK_STATUSES)[number];

/** Largest attachment accepted: 50 MiB. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Entity kinds. */
export const ENTITY_KINDS = [
  'person',
  'identity_document',
  'phone',
  'vessel',
  'vehicle',
  'organisation',
  'location',
  'event',
  'financial',
  'relationship',
] as const;
/** An entity kind. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Entity kinds the compose form can add. */
export const EDITABLE_ENTITY_KINDS = [
  'person',
  'identity_document',
  'phone',
  'vessel',
  'organisation',
  'location',
] as const satisfies readonly EntityKind[];
/** An entity kind the compose form can add. */
export type EditableEntityKind = (typeof EDITABLE_ENTITY_KINDS)[number];

/** Roles of a person. */
export const PERSON_ROLES = [
  'suspect',
  'victim',
  'witness',
  'missing',
  'deceased',
  'survivor',
  'relative',
  'other',
] as const;
/** Sexes. */
export const SEXES = ['female', 'male', 'unspecified', 'unknown'] as const;
/** Identity document types. */
export const DOCUMENT_TYPES = [
  'passport',
  'id_card',
  'residence_permit',
  'visa',
  'travel_document',
  'seafarer_document',
  'driving_licence',
  'birth_certificate',
  'other',
] as const;
/** Organisation types. */
export const ORGANISATION_TYPES = [
  'criminal_network',
  'terrorist_group',
  'armed_group',
  'company',
  'ngo',
  'public_body',
  'other',
] as const;

/** ISO 15924 scripts offered for names, most used in this cooperation first; the server accepts more. */
export const NAME_SCRIPTS = ['Latn', 'Arab', 'Cyrl', 'Deva', 'Ethi', 'Tfng', 'Beng', 'Guru'] as const;

/** Message languages offered in the compose form (BCP 47). */
export const MESSAGE_LANGUAGES = ['fr', 'en', 'ar', 'ur', 'es'] as const;
