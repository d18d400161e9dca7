/**
 * Validated data model shared by the feature modules: persons, documents,
 * phones, vessels, vehicles, organisations, locations, events, financial
 * identifiers and relationships. Pure (no I/O, no `node:*`), so the web UI
 * validates forms with the very schemas the server applies.
 */

export type { Provenance, Script, ScriptedName } from './common.js';
export {
  dateTimeSchema,
  entityIdSchema,
  isIsoDate,
  isLanguageTag,
  isoDateSchema,
  isPartialDate,
  isWrittenIn,
  languageTagSchema,
  partialDateSchema,
  provenanceSchema,
  SCRIPTS,
  scriptedNameSchema,
  scriptSchema,
} from './common.js';
export type { CountryCode } from './countries.js';
export {
  COUNTRY_CODES,
  countryCodeSchema,
  fromAlpha3,
  ISO_COUNTRY_CODES,
  isCountryCode,
  toAlpha3,
} from './countries.js';
export type { Entity, EntityInput, EntityKind } from './entity.js';
export { checkEntityGraph, ENTITY_KINDS, entityListSchema, entitySchema } from './entity.js';
export type { EventEntity } from './event.js';
export { EVENT_TYPES, eventSchema, incidentReferenceSchema, occurredAtSchema } from './event.js';
export type { CryptoNetwork, FinancialIdentifier } from './financial.js';
export {
  bicSchema,
  CRYPTO_NETWORKS,
  financialIdentifierSchema,
  ibanSchema,
  isWalletAddressFormat,
} from './financial.js';
export type { IbanProblem } from './iban.js';
export { checkIban, IBAN_LENGTHS, ibanMod97, isValidIban, normaliseIban } from './iban.js';
export type { DocumentType, IdentityDocument } from './identity-document.js';
export { DOCUMENT_TYPES, documentTypeSchema, identityDocumentSchema } from './identity-document.js';
export type { FieldIssue, IssueCode, IssueSink, ParseResult } from './issues.js';
export { addIssue, formatIssues, ISSUE_CODES, parseWithIssues } from './issues.js';
export type { Coordinates, LocationEntity } from './location.js';
export { coordinatesSchema, LOCATION_TYPES, locationSchema } from './location.js';
export type { MmsiInfo, MmsiKind } from './mmsi.js';
export { countryOfMid, describeMmsi } from './mmsi.js';
export type { MrzError, MrzFields, MrzFormat, MrzParseResult, ParseMrzOptions } from './mrz.js';
export { mrzCheckDigit, parseMrz } from './mrz.js';
export type { Organisation } from './organisation.js';
export { ORGANISATION_TYPES, organisationSchema } from './organisation.js';
export type { Person, PersonInput, PersonName, PersonRole, Sex } from './person.js';
export {
  isProtectedRole,
  PERSON_ROLES,
  personNameSchema,
  personRoleSchema,
  personSchema,
  SEXES,
  sexSchema,
} from './person.js';
export type { NormalisePhoneResult, Phone, PhoneLineType } from './phone.js';
export { e164Schema, isE164, MESSAGING_APPS, normalisePhone, phoneSchema } from './phone.js';
export type { Relationship, RelationshipType } from './relationship.js';
export { RELATIONSHIP_TYPES, relationshipEndSchema, relationshipSchema } from './relationship.js';
export type { Vehicle } from './vehicle.js';
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
export type { Vessel } from './vessel.js';
export {
  callSignSchema,
  imoNumberSchema,
  isValidImoNumber,
  normaliseImoNumber,
  shipMmsiSchema,
  VESSEL_TYPES,
  vesselSchema,
} from './vessel.js';
