import type { ColumnType, Generated } from 'kysely';

/**
 * This node's own signed cards, newest last. Kept so the card partners hold stays the same
 * across restarts: a rotation statement must name the exact hash of the card they trust.
 */
export interface NodeCardsTable {
  seq: Generated<number>;
  card_jws: string;
  card_hash: string;
  signing_kid: string;
  endpoint: string;
  /** The rotation statement (signed by the previous key) that introduced this card. */
  rotation_jws: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date, never>;
}
