/**
 * How a recommendation set is written into its item's document. The matcher's sets (facts, see
 * `explainSet`) are stored as positional arrays: the field names were about 60% of the JSON, and
 * every set is stringified, hashed and deflated on each run that changes it. A document says which
 * form it is in, so sets of any other shape, and documents written before, read back unchanged.
 */
import type { OpportunityKind } from '#core/domain/profiles';
import type { AptitudeSubtest } from '#core/domain/records';
import type {
  AptitudeGap,
  PathwayFacts,
  PathwayGap,
  PathwayTraining,
  RecommendationFacts,
  YouthRecommendationFacts,
} from '#core/matching/types';
import type { RecommendationSet } from '#core/ports';

/** First element of a positional document; a new layout gets a new tag and keeps reading this one. */
export const FACTS_LAYOUT = 'facts/1';

type Gaps = (AptitudeSubtest | number)[];

type RecommendationRow = [
  opportunityId: string,
  kind: OpportunityKind,
  title: string,
  ownerName: string,
  score: number,
  interest: number,
  aptitude: number,
  skills: number,
  reach: number,
  sharedHolland: string[],
  missingSkills: string[],
  aptitudeGaps: Gaps,
  distanceKm: number | null,
  flags: string[],
  interestCongruence: number,
  skillsRequired: number,
  skillsShared: number,
];

type TrainingRow = [
  opportunityId: string,
  title: string,
  ownerName: string,
  score: number,
  closesSkills: string[],
  closesEducation: boolean,
  distanceKm: number | null,
];

type PathwayRow = [
  jobId: string,
  jobTitle: string,
  ownerName: string,
  interestCongruence: number,
  gaps: PathwayGap[],
  missingSkills: string[],
  requiredEducation: string,
  trainings: TrainingRow[],
  basisInterestCongruence: number,
  skillsRequired: number,
  skillsShared: number,
];

type FactsRow = [
  layout: typeof FACTS_LAYOUT,
  youthId: string,
  configVersion: string,
  hollandCode: string | null,
  jobs: RecommendationRow[],
  trainings: RecommendationRow[],
  pathways: PathwayRow[],
  flags: string[],
  education: YouthRecommendationFacts['basis']['education'],
  maxCommuteKm: number,
];

const gapsRow = (gaps: readonly AptitudeGap[]): Gaps =>
  gaps.flatMap((g) => [g.subtest, g.percentile, g.expected]);

function gapsOf(row: Gaps): AptitudeGap[] {
  const gaps: AptitudeGap[] = [];
  for (let i = 0; i < row.length; i += 3) {
    gaps.push({
      subtest: row[i] as AptitudeSubtest,
      percentile: row[i + 1] as number,
      expected: row[i + 2] as number,
    });
  }
  return gaps;
}

const recommendationRow = (r: RecommendationFacts): RecommendationRow => [
  r.opportunityId,
  r.kind,
  r.title,
  r.ownerName,
  r.score,
  r.components.interest,
  r.components.aptitude,
  r.components.skills,
  r.components.reach,
  r.sharedHolland,
  r.missingSkills,
  gapsRow(r.aptitudeGaps),
  r.distanceKm,
  r.flags,
  r.basis.interestCongruence,
  r.basis.skillsRequired,
  r.basis.skillsShared,
];

const recommendationOf = (row: RecommendationRow): RecommendationFacts => ({
  opportunityId: row[0],
  kind: row[1],
  title: row[2],
  ownerName: row[3],
  score: row[4],
  components: { interest: row[5], aptitude: row[6], skills: row[7], reach: row[8] },
  sharedHolland: row[9],
  missingSkills: row[10],
  aptitudeGaps: gapsOf(row[11]),
  distanceKm: row[12],
  flags: row[13],
  basis: { interestCongruence: row[14], skillsRequired: row[15], skillsShared: row[16] },
});

const trainingRow = (t: PathwayTraining): TrainingRow => [
  t.opportunityId,
  t.title,
  t.ownerName,
  t.score,
  t.closesSkills,
  t.closesEducation,
  t.distanceKm,
];

const trainingOf = (row: TrainingRow): PathwayTraining => ({
  opportunityId: row[0],
  title: row[1],
  ownerName: row[2],
  score: row[3],
  closesSkills: row[4],
  closesEducation: row[5],
  distanceKm: row[6],
});

const pathwayRow = (p: PathwayFacts): PathwayRow => [
  p.jobId,
  p.jobTitle,
  p.ownerName,
  p.interestCongruence,
  p.gaps,
  p.missingSkills,
  p.requiredEducation,
  p.trainings.map(trainingRow),
  p.basis.interestCongruence,
  p.basis.skillsRequired,
  p.basis.skillsShared,
];

const pathwayOf = (row: PathwayRow): PathwayFacts => ({
  jobId: row[0],
  jobTitle: row[1],
  ownerName: row[2],
  interestCongruence: row[3],
  gaps: row[4],
  missingSkills: row[5],
  requiredEducation: row[6],
  trainings: row[7].map(trainingOf),
  basis: { interestCongruence: row[8], skillsRequired: row[9], skillsShared: row[10] },
});

/** A set as the matcher makes them: every recommendation and pathway carries its explanation basis. */
function isFacts(set: RecommendationSet): set is YouthRecommendationFacts {
  const facts = set as Partial<YouthRecommendationFacts>;
  return (
    facts.basis !== undefined &&
    Array.isArray(facts.pathways) &&
    Array.isArray(facts.flags) &&
    facts.jobs!.every((r) => r.basis !== undefined && !('explanation' in r)) &&
    facts.trainings!.every((r) => r.basis !== undefined && !('explanation' in r)) &&
    facts.pathways.every((p) => p.basis !== undefined && !('explanation' in p))
  );
}

/** The document content of a set, without `asOf` (kept on the item). */
export function setDocument(set: RecommendationSet): unknown {
  const { asOf: _asOf, ...content } = set;
  if (!isFacts(set)) return content;
  const row: FactsRow = [
    FACTS_LAYOUT,
    set.youthId,
    set.configVersion,
    set.hollandCode,
    set.jobs.map(recommendationRow),
    set.trainings.map(recommendationRow),
    set.pathways.map(pathwayRow),
    set.flags,
    set.basis.education,
    set.basis.maxCommuteKm,
  ];
  return row;
}

/** The set a document holds; `asOf` from the item unless an older document carries its own. */
export function setOfDocument<S extends RecommendationSet>(document: unknown, asOf: string | undefined): S {
  if (Array.isArray(document)) {
    if (document[0] !== FACTS_LAYOUT)
      throw new Error(`stored set document has an unknown layout: ${document[0]}`);
    const row = document as FactsRow;
    const set: YouthRecommendationFacts = {
      youthId: row[1],
      asOf: asOf as string,
      configVersion: row[2],
      hollandCode: row[3],
      jobs: row[4].map(recommendationOf),
      trainings: row[5].map(recommendationOf),
      pathways: row[6].map(pathwayOf),
      flags: row[7],
      basis: { education: row[8], maxCommuteKm: row[9] },
    };
    return set as unknown as S;
  }
  const set = document as S;
  return asOf === undefined || set.asOf !== undefined ? set : { ...set, asOf };
}
