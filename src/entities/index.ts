/**
 * Validated data model shared by the feature modules: persons, documents,
 * phones, vessels, vehicles, organisations, locations, events, financial
 * identifiers and relationships. Pure (no I/O, no `node:*`), so the web UI
 * validates forms with the very schemas the server applies.
 */
export {
  dateTimeSchema,
  entityIdSchema,
  isIsoDate,
  isLanguageTag,
  isPartialDate,
  isWrittenIn,
  isoDateSchema,
  languageTagSchema,
  partialDateSchema,
  provenanceSchema,
  SCRIPTS,
  scriptedNameSchema,
  scriptSchema,
} from './common.js';
export type { Provenance, Script, ScriptedName } from './common.js';
export {
  COUNTRY_CODES,
  countryCodeSchema,
  fromAlpha3,
  ISO_COUNTRY_CODES,
  isCountryCode,
  toAlpha3,
} from './countries.js';
export type { CountryCode } from './countries.js';
export { checkEntityGraph, ENTITY_KINDS, entityListSchema, entitySchema } from './entity.js';
export type { Entity, EntityInput, EntityKind } from './entity.js';
export { EVENT_TYPES, eventSchema, incidentReferenceSchema, occurredAtSchema } from './event.js';
export type { EventEntity } from './event.js';
export {
  bicSchema,
  CRYPTO_NETWORKS,
  financialIdentifierSchema,
  ibanSchema,
  isWalletAddressFormat,
} from './financial.js';
export type { CryptoNetwork, FinancialIdentifier } from './financial.js';
export { checkIban, IBAN_LENGTHS, ibanMod97, isValidIban, normaliseIban } from './iban.js';
export type { IbanProblem } from './iban.js';
export { DOCUMENT_TYPES, documentTypeSchema, identityDocumentSchema } from './identity-document.js';
export type { DocumentType, IdentityDocument } from './identity-document.js';
export { addIssue, formatIssues, ISSUE_CODES, parseWithIssues } from './issues.js';
export type { FieldIssue, IssueCode, IssueSink, ParseResult } from './issues.js';
export { coordinatesSchema, LOCATION_TYPES, locationSchema } from './location.js';
export type { Coordinates, LocationEntity } from './location.js';
export { countryOfMid, describeMmsi } from './mmsi.js';
export type { MmsiInfo, MmsiKind } from './mmsi.js';
export { mrzCheckDigit, parseMrz } from './mrz.js';
export type { MrzError, MrzFields, MrzFormat, MrzParseResult, ParseMrzOptions } from './mrz.js';
export { ORGANISATION_TYPES, organisationSchema } from './organisation.js';
export type { Organisation } from './organisation.js';
export {
  isProtectedRole,
  PERSON_ROLES,
  personNameSchema,
  personRoleSchema,
  personSchema,
  SEXES,
  sexSchema,
} from './person.js';
export type { Person, PersonInput, PersonName, PersonRole, Sex } from './person.js';
export { e164Schema, isE164, MESSAGING_APPS, normalisePhone, phoneSchema } from './phone.js';
export type { NormalisePhoneResult, Phone, PhoneLineType } from './phone.js';
export { RELATIONSHIP_TYPES, relationshipEndSchema, relationshipSchema } from './relationship.js';
export type { Relationship, RelationshipType } from './relationship.js';
export {
  hasValidVinCheckDigit,
  isVinFormat,
  plateSchema,
  VEHICLE_TYPES,
  vehicleSchema,
  vinCheckCharacter,
  vinRequiresCheckDigit,
  vinSchema,
} from './vehicle.js';
export type { Vehicle } from './vehicle.js';
export {
  callSignSchema,
  imoNumberSchema,
  isValidImoNumber,
  normaliseImoNumber,
  shipMmsiSchema,
  VESSEL_TYPES,
  vesselSchema,
} from './vessel.js';
export type { Vessel } from './vessel.js';
