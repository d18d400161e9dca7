/**
 * The case vocabulary of the API (src/cases/schema.ts), for the forms' selects: mirrored so the
 * bundle does not carry the server's validators; `test/cases-web-vocabulary.test.ts` fails if the two drift apart.
 */

export const ENTITY_KINDS = [
  'person',
  'phone',
  'identity_document',
  'vessel',
  'vehicle',
  'organisation',
  'location',
  'financial',
  'event',
] as const;

export const NETWORK_ROLES = [
  'organiser',
  'recruiter',
  'transporter',
  'boat_pilot',
  'facilitator',
  'financier',
  'hawala_agent',
  'forger',
  'corrupt_official',
  'victim',
  'witness',
  'suspect',
  'unknown',
] as const;

export const LINK_TYPES = [
  'called',
  'paid',
  'travelled_with',
  'owns',
  'member_of',
  'recruited',
  'uses',
  'located_at',
  'associate',
] as const;

export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
