import { useTranslation } from 'react-i18next';
import { deliveryState, formatDateTime } from './format.js';
import type { DeliveryView } from './types.js';
import {
  HANDLING_CODES,
  type HandlingCode,
  MESSAGE_TYPES,
  type MessageType,
  PRIORITIES,
  type Priority,
  TLP_LEVELS,
  type TlpLevel,
} from './vocabulary.js';

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Message type badge (request, reply, information, alert, acknowledgement). */
export function TypeBadge({ type }: { type: MessageType | string }) {
  const { t } = useTranslation();
  if (!isOneOf(MESSAGE_TYPES, type)) return <span className="type-badge">{type}</span>;
  return (
    <span className={`type-badge type-${type}`} data-type={type}>
      {t(`exchange.types.${type}`)}
    </span>
  );
}

/** Priority, emphasised from "urgent" up. */
export function PriorityBadge({ priority }: { priority: Priority | string | null }) {
  const { t } = useTranslation();
  if (!isOneOf(PRIORITIES, priority)) return null;
  return (
    <span className={`priority priority-${priority}`} data-priority={priority}>
      {t(`exchange.priorities.${priority}`)}
    </span>
  );
}

/**
 * TLP 2.0 label as FIRST prescribes it: `TLP:` and the label, in the label's colour on black
 * (RED #FF2B2B, AMBER #FFC000, GREEN #33FF00, CLEAR #FFFFFF). The label stays in Latin letters in every
 * language, as the standard requires; its meaning is given as a tooltip.
 */
export function TlpChip({ tlp }: { tlp: TlpLevel | string | null }) {
  const { t } = useTranslation();
  if (!isOneOf(TLP_LEVELS, tlp)) return null;
  const modifier = tlp.toLowerCase().replace('+', '-');
  return (
    <span className={`chip tlp tlp-${modifier}`} data-tlp={tlp} title={t(`exchange.tlp.${modifierKey(tlp)}`)}>
      <bdi>TLP:{tlp}</bdi>
    </span>
  );
}

function modifierKey(tlp: TlpLevel): 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED' {
  return tlp === 'AMBER+STRICT' ? 'AMBER_STRICT' : tlp;
}

/** Handling code chip with its meaning as a tooltip. */
export function HandlingChip({ code }: { code: HandlingCode | string | null }) {
  const { t } = useTranslation();
  if (!isOneOf(HANDLING_CODES, code)) return null;
  return (
    <span
      className={`chip handling handling-${code.toLowerCase()}`}
      data-handling={code}
      title={t(`exchange.handling.${code}`)}
    >
      <bdi>{code}</bdi>
    </span>
  );
}

/** Where an outgoing message stands: queued, delivered (with the receipt time), failed with the reason, or dead. */
export function DeliveryStatus({ delivery }: { delivery: DeliveryView }) {
  const { t, i18n } = useTranslation();
  const state = deliveryState(delivery);
  const text = (() => {
    switch (state.kind) {
      case 'queued':
        return t('exchange.delivery.queued');
      case 'delivered':
        return state.at
          ? t('exchange.delivery.deliveredAt', { time: formatDateTime(state.at, i18n.resolvedLanguage) })
          : t('exchange.delivery.delivered');
      case 'failed':
        return state.reason
          ? t('exchange.delivery.failedReason', { reason: state.reason })
          : t('exchange.delivery.failed');
      case 'dead':
        return state.reason
          ? t('exchange.delivery.deadReason', { reason: state.reason })
          : t('exchange.delivery.dead');
    }
  })();
  return (
    <span className={`delivery delivery-${state.kind}`} data-delivery={state.kind}>
      {text}
    </span>
  );
}
