/** A small programme for the API tests: two districts, two employers, a provider, their records. */

import type { Principal } from '#core/access/principal';
import type { OpportunityProfile, ScaleScore, YouthProfile } from '#core/domain/profiles';
import type { RecommendationFacts, YouthRecommendationFacts } from '#core/matching/types';
import type { StoredOpportunity, StoredYouth, UploadReportRecord } from '#core/ports';
import type { OpportunityReview } from '#core/protection/review';

export const SEMARANG = '3374';
export const KENDAL = '3324';
export const AS_OF = '2026-11-20';
/** 2026-11-20 10:00 WIB. */
export const NOW = Date.parse('2026-11-20T03:00:00Z');

const scale = (score: number): ScaleScore => ({ score, answered: 8, items: 8, prorated: false });

export function youthProfile(youthId: string, district: string, skills = ['forklift']): YouthProfile {
  return {
    youthId,
    instrument: 'minat-bakat-v1',
    assessedAt: '2026-10-01',
    gender: 'F',
    birthDate: '2003-05-20',
    district,
    education: 'SMK',
    disability: { walking: 3, seeing: 2 },
    welfareDecile: 2,
    interests: { R: scale(20), I: scale(12), A: scale(8), S: scale(25), E: scale(14), C: scale(18) },
    interestProfile: [0.62, 0.37, 0.25, 0.78, 0.44, 0.56],
    hollandCode: 'SRC',
    aptitudes: { numerical: { correct: 14, total: 20, percentile: 71, norm: 'default' } },
    skills,
    unknownSkills: ['menjahit payet'],
    preferences: { maxCommuteKm: 25, willingToRelocate: false, contractTypes: ['permanent'] },
    flags: [],
  };
}

export function storedYouth(youthId: string, district: string, skills?: string[]): StoredYouth {
  return { profile: youthProfile(youthId, district, skills), nikHash: `hash-of-${youthId}`, version: 1 };
}

function opportunityProfile(
  kind: 'job' | 'training',
  id: string,
  ownerId: string,
  district: string,
  skills: string[],
): OpportunityProfile {
  return {
    kind,
    id,
    ownerId,
    ownerName: kind === 'job' ? `Employer ${ownerId}` : `Provider ${ownerId}`,
    title: kind === 'job' ? 'Operator Forklift' : 'Pelatihan Las',
    occupationCodes: ['8344'],
    riasec: [6, 3, 1.5, 2.5, 3, 4.5],
    riasecSource: 'occupation',
    jobZone: 2,
    district,
    capacity: 3,
    minEducation: 'SMA',
    skills,
    accessibleFor: ['walking'],
    deadline: '2026-12-31',
  };
}

export function storedVacancy(id: string, employerId: string, district: string): StoredOpportunity {
  const skills = ['forklift', 'welding'];
  return {
    kind: 'job',
    version: 1,
    record: {
      vacancy_id: id,
      employer_id: employerId,
      employer_name: `Employer ${employerId}`,
      title: 'Operator Forklift',
      occupation_code: '8344',
      district,
      openings: 3,
      min_education: 'SMA',
      skills,
      closing_date: '2026-12-31',
    },
    profile: opportunityProfile('job', id, employerId, district, skills),
  };
}

export function storedTraining(id: string, providerId: string, district: string): StoredOpportunity {
  const skills = ['welding'];
  return {
    kind: 'training',
    version: 1,
    record: {
      training_id: id,
      provider_id: providerId,
      provider_name: `Provider ${providerId}`,
      title: 'Pelatihan Las',
      target_occupations: ['7212'],
      skills_taught: skills,
      district,
      seats: 20,
      start_date: '2026-12-15',
      duration_days: 30,
      cost_idr: 0,
      min_education: 'SMP',
    },
    profile: opportunityProfile('training', id, providerId, district, skills),
  };
}

function recommendation(kind: 'job' | 'training', opportunityId: string, score: number): RecommendationFacts {
  return {
    opportunityId,
    kind,
    title: kind === 'job' ? 'Operator Forklift' : 'Pelatihan Las',
    ownerName: 'PT Maju',
    score,
    components: { interest: score / 2, aptitude: score / 4, skills: score / 8, reach: score / 8 },
    sharedHolland: ['R'],
    missingSkills: kind === 'job' ? ['welding'] : [],
    aptitudeGaps: [],
    distanceKm: 12.5,
    flags: [],
    basis: { interestCongruence: 0.75, skillsRequired: 2, skillsShared: kind === 'job' ? 1 : 2 },
  };
}

export function recommendationSet(
  youthId: string,
  jobs: [string, number][],
  trainings: [string, number][] = [],
): YouthRecommendationFacts {
  return {
    youthId,
    asOf: AS_OF,
    configVersion: 'weights-v1',
    hollandCode: 'SRC',
    jobs: jobs.map(([id, score]) => recommendation('job', id, score)),
    trainings: trainings.map(([id, score]) => recommendation('training', id, score)),
    pathways: [
      {
        jobId: 'V-KND',
        jobTitle: 'Teknisi Las',
        ownerName: 'PT Kendal',
        interestCongruence: 0.8,
        gaps: ['skills'],
        missingSkills: ['welding'],
        requiredEducation: 'SMK',
        trainings: [
          {
            opportunityId: 'T-1',
            title: 'Pelatihan Las',
            ownerName: 'BLK',
            score: 0.7,
            closesSkills: ['welding'],
            closesEducation: false,
            distanceKm: 3,
          },
        ],
        basis: { interestCongruence: 0.8, skillsRequired: 2, skillsShared: 1 },
      },
    ],
    flags: [],
    basis: { education: 'SMA', maxCommuteKm: 25 },
  };
}

export function processedReport(
  uploadId: string,
  ownerId: string,
  kind: 'vacancies' | 'trainings',
): UploadReportRecord {
  const key = `incoming/${kind}/${ownerId.split('#')[1]}/${uploadId}/lowongan.csv`;
  return {
    uploadId,
    ownerId,
    kind,
    bucket: 'sinergi-uploads',
    key,
    createdAt: '2026-11-19T02:00:00.000Z',
    report: {
      uploadId,
      ownerId,
      upload: { bucket: 'sinergi-uploads', key, sequencer: '01', size: 120, kind },
      status: 'processed',
      asOf: '2026-11-19',
      processedAt: '2026-11-19T02:00:00.000Z',
      counts: { rows: 3, accepted: 2, rejected: 1, warnings: 0, stored: 2, stale: 0 },
      rejected: [{ file: 'lowongan.csv', row: 3, field: 'closing_date', reason: 'must be a date' }],
      warnings: [],
      review: { genderRequirement: [] },
      matching: { youthRematched: 4, setsWritten: 4, setsUnchanged: 0 },
      timings: { parseMs: 3, storeMs: 4, matchMs: 5, totalMs: 12 },
    },
  };
}

export const PRINCIPALS = {
  counsellor: { subject: 'c-semarang', role: 'counsellor', districts: [SEMARANG] },
  counsellorKendal: { subject: 'c-kendal', role: 'counsellor', districts: [KENDAL] },
  employer: { subject: 'e-1', role: 'employer', districts: [], employerId: 'E1' },
  employerOther: { subject: 'e-2', role: 'employer', districts: [], employerId: 'E2' },
  provider: { subject: 'p-1', role: 'provider', districts: [], providerId: 'P1' },
  manager: { subject: 'm-1', role: 'manager', districts: [SEMARANG] },
  admin: { subject: 'a-1', role: 'admin', districts: [] },
} satisfies Record<string, Principal>;

export type PrincipalName = keyof typeof PRINCIPALS;

/** A nightly fairness audit as the audit step stores it (core/usecases/audit.ts). */
export const AUDIT = {
  asOf: '2026-11-19',
  batches: 2,
  youthCount: 3,
  groups: [
    {
      group: 'gender',
      value: 'F',
      count: 3,
      shareWithJob: 1,
      meanTopJobScore: 0.85,
      meanJobs: 1.7,
      meanTrainings: 0.3,
    },
    {
      group: 'district',
      value: SEMARANG,
      count: 2,
      shareWithJob: 1,
      meanTopJobScore: 0.85,
      meanJobs: 1.5,
      meanTrainings: 0.5,
    },
    {
      group: 'district',
      value: KENDAL,
      count: 1,
      shareWithJob: 1,
      meanTopJobScore: 0.85,
      meanJobs: 2,
      meanTrainings: 0,
    },
  ],
  genderRequirementReview: [
    { opportunityId: 'V-2', title: 'Operator Forklift', ownerName: 'Employer E2', genderRequirement: 'male' },
  ],
};

/** A vacancy held for review because of its wage, as the intake check stores it. */
export function heldReview(opportunityId: string, ownerId: string, district: string): OpportunityReview {
  const at = new Date(NOW).toISOString();
  return {
    kind: 'job',
    opportunityId,
    ownerId,
    district,
    title: 'Operator',
    holds: [{ code: 'below_umk', key: '1', reason: 'upah di bawah UMK', since: at }],
    version: 1,
    updatedAt: at,
  };
}
