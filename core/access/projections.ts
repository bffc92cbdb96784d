/**
 * What each role is shown. Every view is built by picking named fields into a new object (an
 * allow-list), never by deleting fields from a stored record, so a field added to a profile later
 * stays hidden until someone decides a role needs it. Nested objects are rebuilt the same way.
 */
import { ageOn, type IsoDate } from '../domain/calendar.ts';
import { accommodationNeeds, type DisabilityDomain } from '../domain/disability.ts';
import type { EducationLevel } from '../domain/education.ts';
import type { Language } from '../domain/language.ts';
import type { YouthProfile } from '../domain/profiles.ts';
import { APTITUDE_SUBTESTS, type AptitudeSubtest, type ContractType } from '../domain/records.ts';
import { RIASEC, type RiasecLetter } from '../domain/riasec.ts';
import type {
  Pathway,
  PathwayTraining,
  Recommendation,
  ScoreComponents,
  YouthRecommendations,
} from '../matching/types.ts';
import type { RecommendationHeadline } from '../ports.ts';

// ---- counsellor: youth profile --------------------------------------------------------------

export interface InterestScoreView {
  score: number | null;
  answered: number;
  items: number;
  prorated: boolean;
}

export interface AptitudeView {
  percentile: number;
  correct: number;
  total: number;
  norm: 'default' | 'cohort';
}

/**
 * A counsellor's view of one youth. Age instead of birth date; accommodation needs (domains with
 * difficulty 3 or 4) instead of the Washington Group answers; no gender (no score reads it), no
 * welfare decile (eligibility was settled by DTSEN before assessment and no advice depends on it).
 */
export interface CounsellorYouthView {
  youthId: string;
  /** Contact details: the counsellor of the district (and the admin's export) only. */
  displayName?: string;
  phone?: string;
  district: string;
  instrument: string;
  assessedAt: string;
  age: number;
  education: EducationLevel;
  hollandCode: string | null;
  interestProfile: readonly number[] | null;
  interests: Record<RiasecLetter, InterestScoreView>;
  aptitudes: Partial<Record<AptitudeSubtest, AptitudeView>>;
  skills: string[];
  unknownSkills: string[];
  preferences: { maxCommuteKm?: number; willingToRelocate?: boolean; contractTypes?: ContractType[] };
  accommodationNeeds: DisabilityDomain[];
  flags: string[];
}

function interestsView(profile: YouthProfile): Record<RiasecLetter, InterestScoreView> {
  const view = {} as Record<RiasecLetter, InterestScoreView>;
  for (const letter of RIASEC) {
    const s = profile.interests[letter];
    view[letter] = { score: s.score, answered: s.answered, items: s.items, prorated: s.prorated };
  }
  return view;
}

function aptitudesView(profile: YouthProfile): Partial<Record<AptitudeSubtest, AptitudeView>> {
  const view: Partial<Record<AptitudeSubtest, AptitudeView>> = {};
  for (const subtest of APTITUDE_SUBTESTS) {
    const a = profile.aptitudes[subtest];
    if (a) view[subtest] = { percentile: a.percentile, correct: a.correct, total: a.total, norm: a.norm };
  }
  return view;
}

function preferencesView(profile: YouthProfile): CounsellorYouthView['preferences'] {
  const p = profile.preferences;
  const view: CounsellorYouthView['preferences'] = {};
  if (p.maxCommuteKm !== undefined) view.maxCommuteKm = p.maxCommuteKm;
  if (p.willingToRelocate !== undefined) view.willingToRelocate = p.willingToRelocate;
  if (p.contractTypes !== undefined) view.contractTypes = [...p.contractTypes];
  return view;
}

export function counsellorYouthView(profile: YouthProfile, options: { asOf: IsoDate }): CounsellorYouthView {
  return {
    youthId: profile.youthId,
    ...(profile.displayName !== undefined && { displayName: profile.displayName }),
    ...(profile.phone !== undefined && { phone: profile.phone }),
    district: profile.district,
    instrument: profile.instrument,
    assessedAt: profile.assessedAt,
    age: ageOn(profile.birthDate, options.asOf),
    education: profile.education,
    hollandCode: profile.hollandCode,
    interestProfile: profile.interestProfile ? [...profile.interestProfile] : null,
    interests: interestsView(profile),
    aptitudes: aptitudesView(profile),
    skills: [...profile.skills],
    unknownSkills: [...profile.unknownSkills],
    preferences: preferencesView(profile),
    accommodationNeeds: accommodationNeeds(profile.disability),
    flags: [...profile.flags],
  };
}

// ---- counsellor: youth list -----------------------------------------------------------------

export interface RankedView {
  opportunityId: string;
  score: number;
  title?: string;
}

export interface CounsellorYouthListItem {
  youthId: string;
  displayName?: string;
  district: string;
  education: EducationLevel;
  hollandCode: string | null;
  accommodationNeeds: DisabilityDomain[];
  flags: string[];
  topJob?: RankedView;
  topTraining?: RankedView;
}

export function counsellorYouthListItem(
  profile: YouthProfile,
  headline?: RecommendationHeadline,
): CounsellorYouthListItem {
  const item: CounsellorYouthListItem = {
    youthId: profile.youthId,
    ...(profile.displayName !== undefined && { displayName: profile.displayName }),
    district: profile.district,
    education: profile.education,
    hollandCode: profile.hollandCode,
    accommodationNeeds: accommodationNeeds(profile.disability),
    flags: [...profile.flags],
  };
  if (headline?.topJob) item.topJob = rankedView(headline.topJob);
  if (headline?.topTraining) item.topTraining = rankedView(headline.topTraining);
  return item;
}

function rankedView(ranked: RankedView): RankedView {
  return {
    opportunityId: ranked.opportunityId,
    score: ranked.score,
    ...(ranked.title !== undefined && { title: ranked.title }),
  };
}

// ---- counsellor: recommendations ------------------------------------------------------------

/** What every reader of a recommendation is shown besides its text: the CLI's JSON and the API. */
export type RecommendationFields = Omit<Recommendation, 'explanation' | 'basis'>;

/**
 * A recommendation in one language, with the opportunity's RIASEC profile (O*NET 1-7 scale) so a
 * counsellor sees it beside the youth's; null when its occupation is unknown.
 */
export type RecommendationView = RecommendationFields & {
  explanation: string;
  occupationProfile: number[] | null;
};

/** Opportunity RIASEC profiles by `opportunityKey`. */
export type OpportunityProfiles = ReadonlyMap<string, readonly number[] | null>;

export function opportunityKey(kind: string, opportunityId: string): string {
  return `${kind}#${opportunityId}`;
}

export type PathwayTrainingView = PathwayTraining;

/** What every reader of a pathway is shown besides its text. */
export type PathwayFields = Omit<Pathway, 'explanation' | 'basis' | 'gaps'> & { gaps: string[] };

export type PathwayView = PathwayFields & { explanation: string };

export interface RecommendationsView {
  youthId: string;
  asOf: string;
  configVersion: string;
  lang: Language;
  hollandCode: string | null;
  jobs: RecommendationView[];
  trainings: RecommendationView[];
  pathways: PathwayView[];
  flags: string[];
}

function componentsView(c: ScoreComponents): ScoreComponents {
  return { interest: c.interest, aptitude: c.aptitude, skills: c.skills, reach: c.reach };
}

export function recommendationFields(r: Recommendation): RecommendationFields {
  return {
    opportunityId: r.opportunityId,
    kind: r.kind,
    title: r.title,
    ownerName: r.ownerName,
    score: r.score,
    components: componentsView(r.components),
    sharedHolland: [...r.sharedHolland],
    missingSkills: [...r.missingSkills],
    aptitudeGaps: r.aptitudeGaps.map((g) => ({
      subtest: g.subtest,
      percentile: g.percentile,
      expected: g.expected,
    })),
    distanceKm: r.distanceKm,
    flags: [...r.flags],
  };
}

export function pathwayTrainingView(t: PathwayTraining): PathwayTrainingView {
  return {
    opportunityId: t.opportunityId,
    title: t.title,
    ownerName: t.ownerName,
    score: t.score,
    closesSkills: [...t.closesSkills],
    closesEducation: t.closesEducation,
    distanceKm: t.distanceKm,
  };
}

export function pathwayFields(p: Pathway): PathwayFields {
  return {
    jobId: p.jobId,
    jobTitle: p.jobTitle,
    ownerName: p.ownerName,
    interestCongruence: p.interestCongruence,
    gaps: [...p.gaps],
    missingSkills: [...p.missingSkills],
    requiredEducation: p.requiredEducation,
    trainings: p.trainings.map(pathwayTrainingView),
  };
}

/** A youth's recommendations as a counsellor reads them, explanations in one language. */
export function counsellorRecommendationsView(
  set: YouthRecommendations,
  options: { lang: Language; profiles?: OpportunityProfiles },
): RecommendationsView {
  const { lang, profiles } = options;
  const view = (r: Recommendation): RecommendationView => {
    const profile = profiles?.get(opportunityKey(r.kind, r.opportunityId));
    return {
      ...recommendationFields(r),
      explanation: r.explanation[lang],
      occupationProfile: profile ? [...profile] : null,
    };
  };
  return {
    youthId: set.youthId,
    asOf: set.asOf,
    configVersion: set.configVersion,
    lang,
    hollandCode: set.hollandCode,
    jobs: set.jobs.map(view),
    trainings: set.trainings.map(view),
    pathways: set.pathways.map((p) => ({ ...pathwayFields(p), explanation: p.explanation[lang] })),
    flags: [...set.flags],
  };
}

// ---- candidates of a vacancy ----------------------------------------------------------------

/** One youth on an opportunity's candidate list, as the handler assembled it from storage. */
export interface CandidateInput {
  youth: YouthProfile;
  score: number;
  /** The opportunity's position in the youth's own list (1 = their best match). */
  rank?: number;
  components?: ScoreComponents;
  /** Skills the opportunity requires (jobs) or teaches (trainings). */
  opportunitySkills: readonly string[];
}

function skillSplit(youthSkills: readonly string[], opportunitySkills: readonly string[]) {
  const has = new Set(youthSkills);
  return {
    matchedSkills: opportunitySkills.filter((s) => has.has(s)),
    missingSkills: opportunitySkills.filter((s) => !has.has(s)),
  };
}

export interface CounsellorCandidateView {
  youthId: string;
  district: string;
  education: EducationLevel;
  hollandCode: string | null;
  score: number;
  rank?: number;
  components?: ScoreComponents;
  matchedSkills: string[];
  missingSkills: string[];
  accommodationNeeds: DisabilityDomain[];
}

export function counsellorCandidateView(input: CandidateInput): CounsellorCandidateView {
  const view: CounsellorCandidateView = {
    youthId: input.youth.youthId,
    district: input.youth.district,
    education: input.youth.education,
    hollandCode: input.youth.hollandCode,
    score: input.score,
    ...skillSplit(input.youth.skills, input.opportunitySkills),
    accommodationNeeds: accommodationNeeds(input.youth.disability),
  };
  if (input.rank !== undefined) view.rank = input.rank;
  if (input.components) view.components = componentsView(input.components);
  return view;
}

/**
 * What an employer learns about a candidate: a pseudonym stable for this vacancy only (so two
 * vacancies' lists cannot be joined), the score and how the youth's skills meet the vacancy's.
 * No youth id, district, age, gender, education, disability, welfare decile or assessment detail:
 * the counsellor introduces the youth once both sides agree.
 */
export interface EmployerCandidateView {
  candidate: string;
  score: number;
  components?: ScoreComponents;
  matchedSkills: string[];
  missingSkills: string[];
}

export function employerCandidateView(input: CandidateInput & { pseudonym: string }): EmployerCandidateView {
  if (input.pseudonym === '' || input.pseudonym === input.youth.youthId) {
    throw new RangeError('an employer candidate needs a pseudonym distinct from the youth id');
  }
  const view: EmployerCandidateView = {
    candidate: input.pseudonym,
    score: input.score,
    ...skillSplit(input.youth.skills, input.opportunitySkills),
  };
  if (input.components) view.components = componentsView(input.components);
  return view;
}
