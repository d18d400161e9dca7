import type { DeliveryView, PartnerRef, PartnerView } from './types.js';

/** Node id of a partner reference. */
export function partnerId(partner: PartnerRef): string {
  return partner;
}

/** "Agency (node id)" when the partner is known, else its node id. */
export function partnerLabel(partner: PartnerRef, partners: readonly PartnerView[]): string {
  const id = partnerId(partner);
  const agency = partners.find((candidate) => candidate.nodeId === id)?.agency;
  return agency ? `${agency} (${id})` : id;
}

/** Date and time in the interface language, Western digits (times are read out to partners). */
export function formatDateTime(value: string | null | undefined, language: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    numberingSystem: 'latn',
  }).format(date);
}

/** A calendar date (`YYYY-MM-DD`) in the interface language, without shifting it across time zones. */
export function formatDate(value: string | null | undefined, language: string | undefined): string {
  if (!value) return '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    numberingSystem: 'latn',
    timeZone: 'UTC',
  }).format(new Date(`${value}T00:00:00Z`));
}

/** File size in B, KiB or MiB with Western digits. */
export function formatBytes(size: number, language: string | undefined): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1, numberingSystem: 'latn' });
  if (size < 1024) return `${number.format(size)} B`;
  if (size < 1024 * 1024) return `${number.format(size / 1024)} KiB`;
  return `${number.format(size / (1024 * 1024))} MiB`;
}

/** Country name in the interface language; the code itself when the browser does not know it. */
export function countryName(code: string, language: string | undefined): string {
  try {
    return new Intl.DisplayNames(language ? [language] : [], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language name in the interface language. */
export function languageName(tag: string, language: string | undefined): string {
  try {
    return new Intl.DisplayNames(language ? [language] : [], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The state of a delivery the inbox shows. */
export type DeliveryState =
  | { kind: 'queued' }
  | { kind: 'delivered'; at: string | null }
  | { kind: 'failed'; reason: string }
  | { kind: 'dead'; reason: string };

/** Reduces a delivery to what the user needs: where it stands, when it arrived or why it failed. */
export function deliveryState(delivery: DeliveryView): DeliveryState {
  const reason = delivery.lastError?.message ?? '';
  switch (delivery.status) {
    case 'delivered':
      return { kind: 'delivered', at: delivery.receiptAt ?? delivery.deliveredAt ?? null };
    case 'dead':
      return { kind: 'dead', reason };
    case 'failed':
      return { kind: 'failed', reason };
    default:
      // A delivery that failed once and waits for its next attempt is still queued, with the reason shown.
      return reason ? { kind: 'failed', reason } : { kind: 'queued' };
  }
}

/** Letters of `text` decide the script offered by default for a name (ISO 15924). */
export function guessScript(text: string): string {
  if (/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(text)) return 'Arab';
  if (/[\u0400-\u04FF]/.test(text)) return 'Cyrl';
  if (/[\u0900-\u097F]/.test(text)) return 'Deva';
  if (/[\u2D30-\u2D7F]/.test(text)) return 'Tfng';
  if (/[\u1200-\u137F]/.test(text)) return 'Ethi';
  return 'Latn';
}
