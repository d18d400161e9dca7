import type { Role } from '../features/auth/index.js';

/** A module of the navigation; `roles` restricts it, otherwise every signed-in user sees it. */
export interface AppModule {
  id: ModuleId;
  path: string;
  roles?: readonly Role[];
}

/** Module ids; also the suffix of each navigation link's `data-testid` (`nav-<id>`). */
export type ModuleId =
  | 'dashboard'
  | 'exchange'
  | 'matching'
  | 'cases'
  | 'incidents'
  | 'screening'
  | 'knowledge'
  | 'statistics'
  | 'tokens'
  | 'dpo'
  | 'admin';

/** Navigation order follows a working day: what is waiting, then exchange, then investigation tools. */
export const MODULES: readonly AppModule[] = [
  { id: 'dashboard', path: '/dashboard' },
  { id: 'exchange', path: '/exchange' },
  { id: 'matching', path: '/matching' },
  { id: 'cases', path: '/cases' },
  { id: 'incidents', path: '/incidents' },
  { id: 'screening', path: '/screening' },
  { id: 'knowledge', path: '/knowledge' },
  { id: 'statistics', path: '/statistics' },
  { id: 'tokens', path: '/tokens' },
  { id: 'dpo', path: '/dpo', roles: ['dpo'] },
  { id: 'admin', path: '/admin', roles: ['admin'] },
];

/** Whether a user with `roles` may open `module`. The server enforces the same rule on its API. */
export function canOpenModule(module: AppModule, roles: readonly string[]): boolean {
  return module.roles === undefined || module.roles.some((role) => roles.includes(role));
}
