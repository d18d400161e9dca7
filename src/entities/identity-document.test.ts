import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityDocumentSchema } from './identity-document.js';
import { issueKeys } from './test-util.js';

// The Utopia specimen has no ISO country; an MRZ with issuing state PAK is used for consistency checks.
const mrzPak = (() => {
  const line2 = 'AB12345671PAK9001011M3001019<<<<<<<<<<<<<<04';
  return `P<PAKKHAN<<IMRAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n${line2}`;
})();

const passport = {
  kind: 'identity_document',
  id: 'd1',
  documentType: 'passport',
  number: 'AB1234567',
  issuingCountry: 'PK',
  issueDate: '2020-01-02',
  expiryDate: '2030-01-01',
  holderRef: 'p1',
};

describe('identityDocumentSchema', () => {
  it('accepts a passport without an MRZ', () => {
    assert.deepEqual(issueKeys(identityDocumentSchema, passport), []);
  });
  it('accepts a passport whose MRZ agrees with its fields', () => {
    assert.deepEqual(issueKeys(identityDocumentSchema, { ...passport, mrz: mrzPak }), []);
  });
  it('flags a number that differs from the MRZ', () => {
    assert.deepEqual(issueKeys(identityDocumentSchema, { ...passport, number: 'AB1234568', mrz: mrzPak }), [
      'number:mrz_mismatch',
    ]);
  });
  it('flags an issuing country or expiry that differs from the MRZ', () => {
    assert.deepEqual(
      issueKeys(identityDocumentSchema, {
        ...passport,
        issuingCountry: 'MA',
        expiryDate: '2030-01-02',
        mrz: mrzPak,
      }),
      ['issuingCountry:mrz_mismatch', 'expiryDate:mrz_mismatch'],
    );
  });
  it('reports MRZ check-digit errors on the mrz field', () => {
    const broken = mrzPak.replace('AB12345671', 'AB12345672');
    assert.deepEqual(issueKeys(identityDocumentSchema, { ...passport, mrz: broken }), [
      'mrz:mrz_check_digit',
      'mrz:mrz_check_digit',
    ]);
  });
  it('refuses an expiry date before the issue date', () => {
    assert.deepEqual(issueKeys(identityDocumentSchema, { ...passport, expiryDate: '2019-12-31' }), [
      'expiryDate:document_expired_before_issue',
    ]);
  });
  it('refuses an unknown document type, an empty number and an alpha-3 issuing country', () => {
    assert.deepEqual(
      issueKeys(identityDocumentSchema, {
        ...passport,
        documentType: 'permit',
        number: ' ',
        issuingCountry: 'PAK',
      }),
      ['documentType:invalid_value', 'number:too_small', 'issuingCountry:country_unknown'],
    );
  });
  it('refuses punctuation in a document number', () => {
    assert.deepEqual(issueKeys(identityDocumentSchema, { ...passport, number: 'AB;123' }), [
      'number:invalid_format',
    ]);
  });
});
