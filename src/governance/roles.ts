import { ForbiddenError } from '../platform/index.js';

/** The roles of DESIGN §1; a user may hold several. */
export const roles = ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Roles that must sign in with a second factor. */
export const rolesRequiringTotp: readonly Role[] = ['admin', 'dpo'];

/**
 * What each permission allows, by role. Deny by default: a permission absent from this
 * table is held by nobody, and need-to-know (`need-to-know.ts`: unit, addressees, case) is
 * checked on top of it by the services that own the records.
 */
export const permissions = {
  'user.manage': ['admin'],
  'audit.read': ['admin', 'dpo'],
  'audit.verify': ['admin', 'dpo'],
  'node.read': ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'],
  'partner.read': ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'],
  'partner.manage': ['admin'],
  'node.rotate_keys': ['admin'],
  'notification.read': ['admin', 'dpo'],
  'message.read': ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'],
  'message.send': ['liaison', 'analyst', 'dvi'],
  'message.review': ['dpo'],
  'dashboard.read': ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'],
  'unit.read': ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'],
  'unit.manage': ['admin'],
  // Emergency access outside need-to-know: for those who act on records, not for viewers.
  'breakglass.open': ['admin', 'liaison', 'analyst', 'dvi', 'dpo'],
  'breakglass.review': ['dpo'],
  'policy.manage': ['dpo'],
  'subject.request': ['dpo'],
  'retention.manage': ['dpo'],
  // Screening a person against the UN lists is operational work on personal data: the
  // officers who handle partner messages and cases, not the administrator (least privilege)
  // nor DVI teams (identification of the dead). The DPO reads versions and flags to review.
  'screening.run': ['liaison', 'analyst'],
  'screening.read': ['admin', 'liaison', 'analyst', 'dpo'],
  'screening.manage': ['admin'],
  // Joint cases (need-to-know: only a case's members read it, on top of these roles).
  'case.read': ['liaison', 'analyst', 'viewer'],
  'case.write': ['liaison', 'analyst'],
  // The liaison desk sees that a partner shared a case and assigns its members here.
  'case.assign': ['liaison'],
  // The incident registry holds aggregate, public figures (IOM): everyone reads it; those who
  // record incidents or import IOM files change it. Victim identification records (post- and
  // ante-mortem, board decisions, families) are for DVI officers on the incident's team only.
  'incident.read': ['admin', 'liaison', 'analyst', 'dvi', 'dpo', 'viewer'],
  'incident.manage': ['admin', 'liaison', 'analyst', 'dvi'],
  'incident.team': ['admin', 'dvi'],
  'dvi.read': ['dvi'],
  'dvi.write': ['dvi'],
  // Hit/no-hit checks with partners (DESIGN §7): operational officers; the DPO sets the
  // per-partner policies and reads the reports; the administrator manages the index and keys.
  'matching.run': ['liaison', 'analyst'],
  'matching.read': ['admin', 'liaison', 'analyst', 'dpo'],
  'matching.manage': ['admin'],
  'matching.policy': ['dpo'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

/** Who is acting: a signed-in user (browser session or API token). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  via: 'session' | 'token';
  /** Present for browser sessions: the token every non-GET request must echo. */
  csrfToken?: string;
}

/** True when one of the actor's roles grants the permission. */
export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Throws 403 unless the actor holds the permission; services call this before any work. */
export function requirePermission(actor: Pick<Actor, 'roles' | 'username'>, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(`Your roles do not allow ${permission}`);
}

/** The audit-log name of an actor. */
export function auditActor(actor: Pick<Actor, 'username'> | null): string {
  return actor ? `user:${actor.username}` : 'anonymous';
}
