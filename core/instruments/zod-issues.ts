import type { z } from 'zod';
import type { Issue } from '#core/domain/errors';

/** zod's issues as domain issues, the path joined with dots under `prefix` (e.g. `instruments[0].items.3.id`). */
export function zodIssues(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    reason: issue.message,
  }));
}
