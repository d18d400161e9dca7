/** Roles the node grants (DESIGN.md §1); the server may add others, which the UI shows by their code. */
export const ROLES = ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'] as const;

/** A role the UI knows how to name and serve. */
export type Role = (typeof ROLES)[number];

/** Whether `value` is a role the UI knows. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The user's known roles, in the canonical order of {@link ROLES}. */
export function knownRolesOf(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
