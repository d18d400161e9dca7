// Test helpers for schema tests: parse and summarise issues as `path:code` strings.
import type * as z from 'zod';
import { parseWithIssues } from './issues.js';

/** `path:code` of every issue, or `[]` if `input` is valid. */
export function issueKeys(schema: z.ZodType, input: unknown): string[] {
  const r = parseWithIssues(schema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}:${i.code}`);
}
