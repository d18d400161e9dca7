import { type AnchorHTMLAttributes, useSyncExternalStore } from 'react';

/**
 * A minimal hash router: routes live after `#`, so the node can serve `index.html` at `/` without a
 * fallback rule for deep links, and reloading any page keeps its place.
 */

const DEFAULT_PATH = '/dashboard';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Path of the current route, e.g. `/exchange/inbox`, without query or trailing slash. */
export function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  const path = raw.replace(/\/+$/, '');
  return path.startsWith('/') ? path : DEFAULT_PATH;
}

/** The current route path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => DEFAULT_PATH);
}

/** Goes to `path`; `replace` avoids a history entry (for redirects). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.location.replace(`#${path}`);
  else window.location.hash = path;
}

/** Whether `path` is `prefix` itself or below it. */
export function isPathWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Props of {@link Link}. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

/** An ordinary anchor to a route, so opening in a new tab and keyboard activation work as usual. */
export function Link({ to, ...rest }: LinkProps) {
  return <a href={`#${to}`} {...rest} />;
}
