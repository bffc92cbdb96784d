/**
 * Cell parsers lifted into zod fields, so a record schema reports every bad field of a row at once
 * with its path, and a required field says whether its column is missing or its cell is empty.
 */
import { z } from 'zod';
import type { CellParser } from './cells.ts';

export function required<T>(parse: CellParser<T>) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T => {
      const parsed = parse(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason });
        return z.NEVER;
      }
      if (parsed.value === undefined) {
        const message =
          raw === undefined ? 'is required; the column is missing' : 'is required; the cell is empty';
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return parsed.value;
    });
}

export function optional<T>(parse: CellParser<T>) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const parsed = parse(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason });
        return z.NEVER;
      }
      return parsed.value;
    });
}

/** An age window whose ends are swapped is a typing slip, not an empty window: say so. */
export function ageWindowCheck(value: { min_age?: unknown; max_age?: unknown }): boolean {
  const { min_age: min, max_age: max } = value;
  return !(typeof min === 'number' && typeof max === 'number' && min > max);
}

export const AGE_WINDOW_MESSAGE = {
  message: 'max_age must not be below min_age',
  path: ['max_age'],
  // Checked even when other fields of the row failed, so a row reports all its problems at once.
  when: () => true,
};

/** Drop absent optional fields so records compare and serialise cleanly. */
export function withoutAbsent<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
