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
  text,
  yesNo,
} from './cells.ts';
import { AGE_WINDOW_MESSAGE, ageWindowCheck, optional, required } from './fields.ts';
import type { ParseContext } from './types.ts';
import { applicantFee, monthlyWage } from './wage.ts';

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
      adjustable_for: optional(list(disabilityDomain)),
      not_accessible_for: optional(list(disabilityDomain)),
      gender_requirement: optional(genderRequirement),
      wage_monthly_idr: optional(monthlyWage),
      wage_max_monthly_idr: optional(monthlyWage),
      contract_type: optional(contractType),
      working_hours_per_week: optional(integer(1, MAX_WORKING_HOURS_PER_WEEK)),
      bpjs_ketenagakerjaan: optional(yesNo),
      bpjs_kesehatan: optional(yesNo),
      applicant_pays: optional(yesNo),
      applicant_fee_idr: optional(applicantFee),
      description: optional(text(2000)),
      closing_date: required(calendarDate()),
    })
    .refine(ageWindowCheck, AGE_WINDOW_MESSAGE)
    .refine(wageRangeCheck, WAGE_RANGE_MESSAGE)
    .refine(feeAgreesCheck, FEE_AGREES_MESSAGE);
}

/** 7 days of 12 hours: anything above is a typing slip, not a schedule. */
export const MAX_WORKING_HOURS_PER_WEEK = 84;

function wageRangeCheck(value: { wage_monthly_idr?: unknown; wage_max_monthly_idr?: unknown }): boolean {
  const { wage_monthly_idr: min, wage_max_monthly_idr: max } = value;
  if (typeof max !== 'number') return true;
  return typeof min === 'number' && min <= max;
}

const WAGE_RANGE_MESSAGE = {
  message: 'needs wage_monthly_idr, the lower end of the range, not above it',
  path: ['wage_max_monthly_idr'],
  when: () => true,
};

function feeAgreesCheck(value: { applicant_pays?: unknown; applicant_fee_idr?: unknown }): boolean {
  return !(
    value.applicant_pays === false &&
    typeof value.applicant_fee_idr === 'number' &&
    value.applicant_fee_idr > 0
  );
}

const FEE_AGREES_MESSAGE = {
  message: 'is above 0 while applicant_pays says the applicant pays nothing',
  path: ['applicant_fee_idr'],
  when: () => true,
};
