import { z } from 'zod';
import type { Vacancy } from '../domain/records.ts';
import {
  calendarDate,
  contractType,
  disabilityDomain,
  district,
  education,
  genderRequirement,
  identifier,
  integer,
  list,
  occupationCode,
  riasec,
  rupiah,
  text,
  yesNo,
} from './cells.ts';
import { AGE_WINDOW_MESSAGE, ageWindowCheck, optional, required } from './fields.ts';
import type { ParseContext } from './types.ts';

export const MAX_OPENINGS = 10_000;

export function vacancySchema(ctx: Pick<ParseContext, 'isKnownDistrict'> = {}): z.ZodType<Vacancy> {
  return z
    .object({
      vacancy_id: required(identifier),
      employer_id: required(identifier),
      employer_name: required(text(200)),
      title: required(text(200)),
      occupation_code: required(occupationCode),
      district: required(district(ctx.isKnownDistrict)),
      openings: required(integer(1, MAX_OPENINGS)),
      min_education: required(education),
      min_age: optional(integer(15, 100)),
      max_age: optional(integer(15, 100)),
      skills: optional(list(text(100))),
      riasec: optional(riasec),
      accessible_for: optional(list(disabilityDomain)),
      gender_requirement: optional(genderRequirement),
      wage_monthly_idr: optional(rupiah),
      contract_type: optional(contractType),
      bpjs_ketenagakerjaan: optional(yesNo),
      closing_date: required(calendarDate()),
    })
    .refine(ageWindowCheck, AGE_WINDOW_MESSAGE);
}
