/**
 * Financial identifiers: where the money of a smuggling or trafficking
 * network goes — bank accounts, hawala agents, mobile money, crypto wallets.
 */
import * as z from 'zod';
import { entityBaseShape, entityIdSchema, text } from './common.js';
import { countryCodeSchema } from './countries.js';
import { checkIban, IBAN_LENGTHS } from './iban.js';
import { addIssue } from './issues.js';
import { e164Schema } from './phone.js';

const IBAN_MESSAGES = {
  iban_format: 'Must be an IBAN without spaces: 2 letters, 2 check digits, then letters and digits',
  iban_country: 'This country does not issue IBANs',
  iban_length: 'Wrong length for an IBAN of this country',
  iban_checksum: 'Check digits do not match: the IBAN is mistyped',
} as const;

/** An IBAN in electronic form (upper case, no spaces), checked per ISO 13616. */
export const ibanSchema = z.string().superRefine((value, ctx) => {
  const problem = checkIban(value);
  if (!problem) return;
  const params = problem === 'iban_length' ? { expected: IBAN_LENGTHS.get(value.slice(0, 2)) } : {};
  addIssue(ctx, problem, IBAN_MESSAGES[problem], [], params);
});

/** A BIC (ISO 9362): 4 letters (institution), 2 letters (country), 2 characters (location), optional 3 (branch). */
export const bicSchema = z.string().superRefine((value, ctx) => {
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(value)) {
    addIssue(ctx, 'bic_format', 'Must be a BIC of 8 or 11 characters, e.g. BCMAMAMC');
  }
});

/** Crypto-asset networks whose address formats are recognised. */
export const CRYPTO_NETWORKS = ['bitcoin', 'ethereum', 'tron', 'litecoin', 'monero', 'other'] as const;

/** Crypto-asset network. */
export type CryptoNetwork = (typeof CRYPTO_NETWORKS)[number];

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
// Shape only: checksums (Base58Check, bech32, EIP-55) need hashing this pure module does not carry.
const WALLET_FORMATS: Record<Exclude<CryptoNetwork, 'other'>, RegExp> = {
  // P2PKH (1...), P2SH (3...), bech32/bech32m segwit (bc1...).
  bitcoin: new RegExp(`^(?:[13]${BASE58}{25,34}|bc1[02-9ac-hj-np-z]{11,71})$`),
  ethereum: /^0x[0-9a-fA-F]{40}$/,
  tron: new RegExp(`^T${BASE58}{33}$`),
  litecoin: new RegExp(`^(?:[LM3]${BASE58}{26,33}|ltc1[02-9ac-hj-np-z]{11,71})$`),
  monero: new RegExp(`^[48]${BASE58}{94}(?:${BASE58}{11})?$`),
};

/** True if `address` has the shape of an address on `network` (`other`: 16–128 printable characters). */
export function isWalletAddressFormat(network: CryptoNetwork, address: string): boolean {
  if (network === 'other') return /^[\x21-\x7e]{16,128}$/.test(address);
  return WALLET_FORMATS[network].test(address);
}

const financialBase = {
  kind: z.literal('financial'),
  ...entityBaseShape,
  /** Entity id of the holder (person or organisation), when known. */
  holderRef: entityIdSchema.optional(),
  holderName: text().optional(),
};

/** A bank account identified by its IBAN. */
export const ibanAccountSchema = z.strictObject({
  ...financialBase,
  scheme: z.literal('iban'),
  iban: ibanSchema,
  bic: bicSchema.optional(),
});

/** A bank account in a country without IBANs (or whose IBAN is unknown). */
export const bankAccountSchema = z.strictObject({
  ...financialBase,
  scheme: z.literal('bank_account'),
  accountNumber: text(64),
  institution: text().optional(),
  country: countryCodeSchema,
  bic: bicSchema.optional(),
});

/**
 * A hawala agent (hawaladar). Informal value transfer has no identifiers,
 * so the agent is described in free text, with a place and a phone if known.
 */
export const hawalaAgentSchema = z.strictObject({
  ...financialBase,
  scheme: z.literal('hawala'),
  agentName: text(),
  /** Town, market or shop where the agent operates. */
  place: text().optional(),
  country: countryCodeSchema.optional(),
  phone: e164Schema.optional(),
  description: text(2000).optional(),
});

/** A mobile-money wallet (e.g. Easypaisa, JazzCash), identified by its phone number. */
export const mobileMoneySchema = z.strictObject({
  ...financialBase,
  scheme: z.literal('mobile_money'),
  provider: text(80),
  phone: e164Schema,
});

/** A crypto-asset wallet address. */
export const cryptoWalletSchema = z
  .strictObject({
    ...financialBase,
    scheme: z.literal('crypto_wallet'),
    network: z.enum(CRYPTO_NETWORKS),
    /** Token held or moved, e.g. `USDT` (usually on Tron or Ethereum). */
    asset: text(20).optional(),
    address: z.string(),
  })
  .superRefine((w, ctx) => {
    if (!isWalletAddressFormat(w.network, w.address)) {
      addIssue(ctx, 'wallet_format', `Not the format of a ${w.network} address`, ['address'], {
        network: w.network,
      });
    }
  });

/** A financial identifier, discriminated by `scheme`. */
export const financialIdentifierSchema = z.discriminatedUnion('scheme', [
  ibanAccountSchema,
  bankAccountSchema,
  hawalaAgentSchema,
  mobileMoneySchema,
  cryptoWalletSchema,
]);

/** A financial identifier. */
export type FinancialIdentifier = z.infer<typeof financialIdentifierSchema>;
