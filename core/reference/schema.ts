/**
 * Shape of the generated occupation table (core/reference/data/occupations.json). The build script
 * validates its output against the same schema the engine loads it with, so a table that would be
 * rejected at load time is never written.
 */
import { z } from 'zod';
import type { Issue } from '../domain/errors.ts';

const interestLevel = z.number().min(1).max(7);
/** A standard deviation of values confined to 1..7 cannot exceed half the range. */
const interestSpread = z.number().min(0).max(3);

const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const ISCO_UNIT_GROUP = /^\d{4}$/;

const occupationEntrySchema = z
  .object({
    code: z.string().regex(ISCO_UNIT_GROUP, 'an ISCO-08 unit group has 4 digits'),
    title: z.string().min(1),
    /** `ilo`: the official ISCO-08 title; `esco`: no verified title, an ESCO occupation label stands in. */
    titleSource: z.enum(['ilo', 'esco']),
    riasec: z.tuple([
      interestLevel,
      interestLevel,
      interestLevel,
      interestLevel,
      interestLevel,
      interestLevel,
    ]),
    spread: z.tuple([
      interestSpread,
      interestSpread,
      interestSpread,
      interestSpread,
      interestSpread,
      interestSpread,
    ]),
    jobZone: z.number().int().min(1).max(5),
    onetCount: z.number().int().min(1),
    onetCodes: z.array(z.string().regex(ONET_SOC_CODE)).min(1),
    examples: z.array(z.string().min(1)).max(3),
  })
  .refine((entry) => entry.onetCount === entry.onetCodes.length, {
    message: 'onetCount must equal the number of onetCodes',
    path: ['onetCount'],
  });

export type OccupationEntry = z.infer<typeof occupationEntrySchema>;

const sourceSchema = z.object({
  name: z.string().min(1),
  publisher: z.string().min(1),
  version: z.string().min(1),
  licence: z.string().min(1),
  files: z.array(z.string().min(1)).min(1),
});

export const occupationTableSchema = z
  .object({
    header: z.object({
      title: z.string().min(1),
      sources: z.array(sourceSchema).min(1),
      attribution: z.array(z.string().min(1)).min(1),
      modified: z.string().min(1),
      method: z.string().min(1),
    }),
    occupations: z.array(occupationEntrySchema).min(1),
  })
  .superRefine((table, ctx) => {
    // Sorted, unique codes make the file diff-friendly and let readers binary-search it.
    table.occupations.forEach((entry, i) => {
      const previous = table.occupations[i - 1];
      if (previous && previous.code >= entry.code) {
        ctx.addIssue({
          code: 'custom',
          path: ['occupations', i, 'code'],
          message: `codes must be unique and ascending: ${previous.code} then ${entry.code}`,
        });
      }
    });
  });

export type OccupationTable = z.infer<typeof occupationTableSchema>;

/** zod issues in the project's Issue shape, so callers report them like any other validation failure. */
export function zodIssues(error: z.ZodError, file?: string): Issue[] {
  return error.issues.map((issue) => ({
    ...(file ? { file } : {}),
    field: issue.path.map(String).join('.') || '(root)',
    reason: issue.message,
  }));
}
