import { ADMIN_VIEWS } from '../features/admin/index.js';
import { DPO_VIEWS } from '../features/dpo/index.js';
import { parseExchangeRoute } from '../features/exchange/index.js';
import { type AppModule, canOpenModule, MODULES } from './modules.js';
import { isPathWithin } from './router.js';

/** What a path resolves to. */
export type RouteMatch =
  | { kind: 'page'; module: AppModule; view?: string }
  | { kind: 'forbidden'; module: AppModule }
  | { kind: 'notFound' };

/** Resolves a route path for a user with `roles`. Exchange and administration have sub-views. */
export function matchRoute(path: string, roles: readonly string[]): RouteMatch {
  const module = MODULES.find((candidate) => isPathWithin(path, candidate.path));
  if (module === undefined) return { kind: 'notFound' };
  const rest = path.slice(module.path.length).replace(/^\//, '');
  if (module.id === 'exchange') {
    if (parseExchangeRoute(rest) === null) return { kind: 'notFound' };
    const view = rest === '' ? 'inbox' : rest;
    return canOpenModule(module, roles) ? { kind: 'page', module, view } : { kind: 'forbidden', module };
  }
  if (module.id === 'admin' || module.id === 'dpo') {
    const views: readonly string[] = module.id === 'admin' ? ADMIN_VIEWS : DPO_VIEWS;
    const view = rest === '' ? views[0]! : rest;
    if (!views.includes(view)) return { kind: 'notFound' };
    return canOpenModule(module, roles) ? { kind: 'page', module, view } : { kind: 'forbidden', module };
  }
  if (rest !== '') return { kind: 'notFound' };
  return canOpenModule(module, roles) ? { kind: 'page', module } : { kind: 'forbidden', module };
}
