import type { ApiFailure } from '../../api/client.js';
import type { FieldIssue } from './types.js';

/**
 * Field issues of a failed call: the `details.issues` of a `bad_request` answer, with the `message.`
 * prefix removed so each path names a form field (`subject`, `entities.0.names.0.full`).
 */
export function issuesFromFailure(failure: ApiFailure): FieldIssue[] {
  const details = failure.details as { issues?: unknown } | undefined;
  if (!details || !Array.isArray(details.issues)) return [];
  const out: FieldIssue[] = [];
  for (const raw of details.issues as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { path, code, message } = raw as { path?: unknown; code?: unknown; message?: unknown };
    out.push({
      path: formPath(typeof path === 'string' ? path : Array.isArray(path) ? path.join('.') : ''),
      code: typeof code === 'string' ? code : 'invalid',
      message: typeof message === 'string' ? message : '',
    });
  }
  return out;
}

/** The form field a server path points at: `message.entities.0.names.0.full` → `entities.0.names.0.full`. */
export function formPath(path: string): string {
  return path.replace(/^message(\.|$)/, '');
}

/** Issues grouped by path, so each field finds its own. */
export function issuesByPath(issues: readonly FieldIssue[]): ReadonlyMap<string, FieldIssue[]> {
  const out = new Map<string, FieldIssue[]>();
  for (const issue of issues) {
    const list = out.get(issue.path);
    if (list) list.push(issue);
    else out.set(issue.path, [issue]);
  }
  return out;
}

/**
 * The `id` of the form control that shows a path's issues: the nearest path the form has a control for,
 * so `crimeAreas.1` lands on the crime areas and `entities.0.names.0` on that name.
 */
export function controlIdFor(path: string, known: ReadonlySet<string>): string | undefined {
  let candidate = path;
  while (candidate !== '') {
    if (known.has(candidate)) return candidate;
    const cut = candidate.lastIndexOf('.');
    candidate = cut < 0 ? '' : candidate.slice(0, cut);
  }
  return undefined;
}
