import { z } from 'zod';
import type { TrainingOffer } from '../domain/records.ts';
import {
  calendarDate,
  disabilityDomain,
  district,
  education,
  identifier,
  integer,
  list,
  occupationCode,
  rupiah,
  text,
  yesNo,
} from './cells.ts';
import { AGE_WINDOW_MESSAGE, ageWindowCheck, optional, required } from './fields.ts';
import type { ParseContext } from './types.ts';

const MAX_SEATS = 10_000;
/** Longer than any BLK/LPK programme; a larger number is a typo (hours or a date typed as days). */
const MAX_DURATION_DAYS = 730;

export function trainingSchema(ctx: Pick<ParseContext, 'isKnownDistrict'> = {}): z.ZodType<TrainingOffer> {
  return z
    .object({
      training_id: required(identifier),
      provider_id: required(identifier),
      provider_name: required(text(200)),
      title: required(text(200)),
      target_occupations: required(list(occupationCode)),
      skills_taught: required(list(text(100))),
      district: required(district(ctx.isKnownDistrict)),
      seats: required(integer(1, MAX_SEATS)),
      start_date: required(calendarDate()),
      duration_days: required(integer(1, MAX_DURATION_DAYS)),
      cost_idr: required(rupiah),
      min_education: required(education),
      min_age: optional(integer(15, 100)),
      max_age: optional(integer(15, 100)),
      accessible_for: optional(list(disabilityDomain)),
      adjustable_for: optional(list(disabilityDomain)),
      not_accessible_for: optional(list(disabilityDomain)),
      certified: optional(yesNo),
    })
    .refine(ageWindowCheck, AGE_WINDOW_MESSAGE);
}
