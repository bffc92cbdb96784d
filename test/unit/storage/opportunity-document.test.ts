import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISABILITY_DOMAINS } from '#core/domain/disability';
import { EDUCATION_LEVELS } from '#core/domain/education';
import type { OpportunityProfile } from '#core/domain/profiles';
import { CONTRACT_TYPES, GENDER_REQUIREMENTS, type TrainingOffer, type Vacancy } from '#core/domain/records';
import type { StoredOpportunity } from '#core/ports';
import { toOpportunityItem, toStoredOpportunity } from '#functions/adapters/dynamodb/opportunities';
import { storedVacancy } from '../../integration/storage/fixtures.ts';

const text = fc.string({ unit: 'binary' });
const id = fc.string({ minLength: 1, unit: 'binary' });
const district = fc.stringMatching(/^[0-9]{4}$/);
const date = fc.stringMatching(/^20[0-9]{2}-[01][0-9]-[0-3][0-9]$/);
const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true });
const education = fc.constantFrom(...EDUCATION_LEVELS);
const domains = fc.uniqueArray(fc.constantFrom(...DISABILITY_DOMAINS));
const riasec = fc.tuple(amount, amount, amount, amount, amount, amount);

const vacancy: fc.Arbitrary<Vacancy> = fc.record(
  {
    vacancy_id: id,
    employer_id: id,
    employer_name: text,
    title: text,
    occupation_code: fc.stringMatching(/^[0-9]{4}$/),
    district,
    openings: fc.nat(),
    min_education: education,
    min_age: fc.integer({ min: 14, max: 65 }),
    max_age: fc.integer({ min: 14, max: 65 }),
    skills: fc.array(text),
    riasec,
    accessible_for: domains,
    gender_requirement: fc.constantFrom(...GENDER_REQUIREMENTS),
    wage_monthly_idr: amount,
    contract_type: fc.constantFrom(...CONTRACT_TYPES),
    bpjs_ketenagakerjaan: fc.boolean(),
    closing_date: date,
  },
  {
    requiredKeys: [
      'vacancy_id',
      'employer_id',
      'employer_name',
      'title',
      'occupation_code',
      'district',
      'openings',
      'min_education',
      'closing_date',
    ],
  },
);

const training: fc.Arbitrary<TrainingOffer> = fc.record(
  {
    training_id: id,
    provider_id: id,
    provider_name: text,
    title: text,
    target_occupations: fc.array(fc.stringMatching(/^[0-9]{4}$/)),
    skills_taught: fc.array(text),
    district,
    seats: fc.nat(),
    start_date: date,
    duration_days: fc.nat(),
    cost_idr: amount,
    min_education: education,
    min_age: fc.integer({ min: 14, max: 65 }),
    max_age: fc.integer({ min: 14, max: 65 }),
    accessible_for: domains,
    certified: fc.boolean(),
  },
  {
    requiredKeys: [
      'training_id',
      'provider_id',
      'provider_name',
      'title',
      'target_occupations',
      'skills_taught',
      'district',
      'seats',
      'start_date',
      'duration_days',
      'cost_idr',
      'min_education',
    ],
  },
);

/** The profile's own values; identity, owner, district and deadline come from the record. */
const profileValues = fc.record(
  {
    ownerName: text,
    title: text,
    occupationCodes: fc.array(fc.stringMatching(/^[0-9]{4}$/)),
    riasec,
    riasecSource: fc.constantFrom(
      'occupation' as const,
      'override' as const,
      'targets' as const,
      'unknown' as const,
    ),
    jobZone: fc.integer({ min: 1, max: 5 }),
    capacity: fc.nat(),
    minEducation: education,
    minAge: fc.integer({ min: 14, max: 65 }),
    maxAge: fc.integer({ min: 14, max: 65 }),
    skills: fc.array(text),
    accessibleFor: domains,
    contractType: fc.constantFrom(...CONTRACT_TYPES),
    genderRequirement: fc.constantFrom(...GENDER_REQUIREMENTS),
    wageMonthlyIdr: amount,
    costIdr: amount,
    durationDays: fc.nat(),
    certified: fc.boolean(),
  },
  {
    requiredKeys: [
      'ownerName',
      'title',
      'occupationCodes',
      'riasec',
      'riasecSource',
      'jobZone',
      'capacity',
      'minEducation',
      'skills',
      'accessibleFor',
    ],
  },
);

const version = fc.nat({ max: Number.MAX_SAFE_INTEGER });

const opportunity: fc.Arbitrary<StoredOpportunity> = fc.oneof(
  fc.tuple(vacancy, profileValues, version).map(
    ([record, values, v]): StoredOpportunity => ({
      kind: 'job',
      record,
      profile: {
        ...values,
        kind: 'job',
        id: record.vacancy_id,
        ownerId: record.employer_id,
        district: record.district,
        deadline: record.closing_date,
      } as OpportunityProfile,
      version: v,
    }),
  ),
  fc.tuple(training, profileValues, version).map(
    ([record, values, v]): StoredOpportunity => ({
      kind: 'training',
      record,
      profile: {
        ...values,
        kind: 'training',
        id: record.training_id,
        ownerId: record.provider_id,
        district: record.district,
        deadline: record.start_date,
      } as OpportunityProfile,
      version: v,
    }),
  ),
);

/** The item the adapter writes, as the document client reads it back. */
describe('opportunity documents', () => {
  it('round-trips any vacancy or training offer with its profile, whatever its text, numbers and missing optional fields', () => {
    fc.assert(
      fc.property(opportunity, (o) => {
        const item = toOpportunityItem(o);
        expect(typeof item.document).toBe('string');
        // JSON is the stored form: it drops undefined fields.
        const expected = JSON.parse(JSON.stringify({ record: o.record, profile: o.profile }));
        expect(JSON.parse(item.document as string)).toEqual(expected);
        expect(toStoredOpportunity(item)).toEqual({ kind: o.kind, ...expected, version: o.version });
      }),
    );
  });

  it('keeps only record and profile in the document, never kind or version', () => {
    const item = toOpportunityItem(storedVacancy('V1', 7));
    expect(Object.keys(JSON.parse(item.document as string)).sort()).toEqual(['profile', 'record']);
    expect(item).toMatchObject({ kind: 'job', version: 7 });
  });
});
