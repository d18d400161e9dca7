import type { ColumnType } from 'kysely';

/**
 * A standing, documented policy of the DPO under which outgoing personal data leaves without
 * case-by-case review: to one partner, for one crime area (or any), up to a handling code,
 * for the listed data categories.
 */
export interface SharingPoliciesTable {
  id: string;
  partner: string;
  crime_area: string | null;
  max_handling_code: string;
  data_categories: string[];
  description: string;
  created_by: string;
  created_at: ColumnType<Date, Date, never>;
  revoked_at: Date | null;
}
