import { z } from 'zod';
import { labelText } from '../platform/index.js';
import { roles } from './roles.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    'username: 2–63 characters, letters, digits, dot, hyphen or underscore',
  );

export const passwordSchema = z
  .string()
  .min(12, 'password: at least 12 characters')
  .max(256, 'password: at most 256 characters');

export const roleSchema = z.enum(roles);

export const loginRequestSchema = z.object({
  username: z.string().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'totp: six digits')
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: labelText(200),
  password: passwordSchema,
  roles: z.array(roleSchema).min(1, 'roles: at least one role').max(roles.length),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
/** A user as the API shows it: never the password hash or TOTP secret. */
export type UserView = z.infer<typeof userViewSchema>;

export const createTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Lifetime; 30 days when absent (7 for admin or DPO scopes), at most 90 (7). */
  expiresInDays: z.number().int().min(1).max(90).optional(),
  /** Roles the token acts with, among your own; all of them when absent. */
  scopes: z.array(roleSchema).min(1).max(roles.length).optional(),
  /** A current authenticator code, required for a token carrying the admin or DPO role. */
  totp: z
    .string()
    .regex(/^\d{6}$/, 'totp: six digits')
    .optional(),
});

export const tokenViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(roleSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: labelText(200).optional(),
    roles: z.array(roleSchema).min(1, 'roles: at least one role').max(roles.length).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
