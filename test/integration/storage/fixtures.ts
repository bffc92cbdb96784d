/** Domain values for storage tests: complete, valid-looking records with the fields tests vary. */
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OpportunityKind, OpportunityProfile, ScaleScore, YouthProfile } from '#core/domain/profiles';
import type { TrainingOffer, Vacancy } from '#core/domain/records';
import type { RecommendationSet, StoredOpportunity, StoredYouth } from '#core/ports';
import type { AdapterOptions } from '#functions/adapters/dynamodb/common';
import { decodeCandidates, recommendationKeys } from '#functions/adapters/dynamodb/recommendation-items';

const scale = (score: number): ScaleScore => ({ score, answered: 10, items: 10, prorated: false });

export function youthProfile(youthId: string, district = '3374'): YouthProfile {
  return {
    youthId,
    instrument: 'sinergi-minat-bakat-v1',
    assessedAt: '2026-10-01',
    gender: 'F',
    birthDate: '2003-05-17',
    district,
    education: 'SMK',
    disability: { walking: 3 },
    welfareDecile: 2,
    interests: { R: scale(30), I: scale(22), A: scale(12), S: scale(35), E: scale(18), C: scale(27) },
    interestProfile: [0.75, 0.55, 0.3, 0.875, 0.45, 0.675],
    hollandCode: 'SRC',
    aptitudes: { numerical: { correct: 14, total: 20, percentile: 62, norm: 'default' } },
    skills: ['welding', 'forklift'],
    unknownSkills: ['las listrik'],
    preferences: { maxCommuteKm: 25, willingToRelocate: false },
    flags: [],
  };
}

export function storedYouth(youthId: string, version = 1, district = '3374', nikHash?: string): StoredYouth {
  return { profile: youthProfile(youthId, district), version, ...(nikHash ? { nikHash } : {}) };
}

export function vacancy(id: string, overrides: Partial<Vacancy> = {}): Vacancy {
  return {
    vacancy_id: id,
    employer_id: 'E1',
    employer_name: 'PT Maju Jaya',
    title: 'Operator Produksi',
    occupation_code: '8121',
    district: '3374',
    openings: 3,
    min_education: 'SMA',
    skills: ['forklift'],
    accessible_for: ['walking'],
    closing_date: '2026-12-31',
    ...overrides,
  };
}

export function training(id: string, overrides: Partial<TrainingOffer> = {}): TrainingOffer {
  return {
    training_id: id,
    provider_id: 'P1',
    provider_name: 'BLK Semarang',
    title: 'Pengelasan Dasar',
    target_occupations: ['7212'],
    skills_taught: ['welding'],
    district: '3374',
    seats: 20,
    start_date: '2026-11-15',
    duration_days: 30,
    cost_idr: 0,
    min_education: 'SMP',
    ...overrides,
  };
}

function profileOf(
  kind: 'job' | 'training',
  id: string,
  ownerId: string,
  district: string,
  deadline: string,
): OpportunityProfile {
  return {
    kind,
    id,
    ownerId,
    ownerName: kind === 'job' ? 'PT Maju Jaya' : 'BLK Semarang',
    title: 'Operator Produksi',
    occupationCodes: ['8121'],
    riasec: [6.1, 3.2, 1.8, 2.5, 2.9, 4.4],
    riasecSource: 'occupation',
    jobZone: 2,
    district,
    capacity: 3,
    minEducation: 'SMA',
    skills: ['forklift'],
    accessibleFor: ['walking'],
    deadline,
  };
}

export function storedVacancy(id: string, version = 1, overrides: Partial<Vacancy> = {}): StoredOpportunity {
  const record = vacancy(id, overrides);
  return {
    kind: 'job',
    record,
    profile: profileOf('job', id, record.employer_id, record.district, record.closing_date),
    version,
  };
}

export function storedTraining(
  id: string,
  version = 1,
  overrides: Partial<TrainingOffer> = {},
): StoredOpportunity {
  const record = training(id, overrides);
  return {
    kind: 'training',
    record,
    profile: profileOf('training', id, record.provider_id, record.district, record.start_date),
    version,
  };
}

/** A set shaped like the matcher's, with explanations and pathways the storage must keep as they are. */
export interface MatcherSet extends RecommendationSet {
  hollandCode: string | null;
  jobs: { opportunityId: string; score: number; title?: string; explanation: { id: string; en: string } }[];
  trainings: { opportunityId: string; score: number; explanation: { id: string; en: string } }[];
  pathways: { vacancyId: string; trainingIds: string[] }[];
  flags: string[];
}

export function recommendationSet(
  youthId: string,
  jobs: [string, number][],
  trainings: [string, number][] = [],
  asOf = '2026-11-01',
): MatcherSet {
  const explained = ([opportunityId, score]: [string, number]) => ({
    opportunityId,
    score,
    explanation: { id: `Cocok dengan minat ${opportunityId}`, en: `Matches interests for ${opportunityId}` },
  });
  return {
    youthId,
    asOf,
    configVersion: 'weights-v1',
    hollandCode: 'SRC',
    jobs: jobs.map(explained),
    trainings: trainings.map(explained),
    pathways: [],
    flags: [],
  };
}

/** The youth ids a candidate list item holds as stored, before reads check them against the sets. */
export async function storedListIds(
  options: AdapterOptions,
  kind: OpportunityKind,
  id: string,
): Promise<string[]> {
  const out = await DynamoDBDocumentClient.from(options.client).send(
    new GetCommand({ TableName: options.tableName, Key: recommendationKeys.candidateList(kind, id) }),
  );
  return decodeCandidates(out.Item?.entries).map((e) => e.youthId);
}
