/**
 * What scoring produces and what matching consumes. Both sides are plain data so they can be
 * stored, compared and audited.
 */
import type { IsoDate } from './calendar.ts';
import type { DisabilityDomain, DisabilityProfile } from './disability.ts';
import type { EducationLevel } from './education.ts';
import type { AptitudeSubtest, ContractType, GenderRequirement } from './records.ts';
import type { RiasecLetter, RiasecVector } from './riasec.ts';

export interface ScaleScore {
  /** Sum of answers, prorated to the full item count when 80% or more were answered; null if incomplete. */
  score: number | null;
  answered: number;
  items: number;
  prorated: boolean;
}

export interface AptitudeScore {
  correct: number;
  total: number;
  /** 0..100. */
  percentile: number;
  norm: 'default' | 'cohort';
}

export interface YouthProfile {
  youthId: string;
  instrument: string;
  assessedAt: string;
  /** Kept for the fairness audit only. No score reads it. */
  gender: 'F' | 'M';
  /** Contact details for the youth's counsellor (AssessmentRecord.display_name, .phone); no score reads them. */
  displayName?: string;
  /** E.164, `+62...`. */
  phone?: string;
  birthDate: IsoDate;
  district: string;
  education: EducationLevel;
  disability: DisabilityProfile;
  welfareDecile?: number;
  interests: Record<RiasecLetter, ScaleScore>;
  /** Each scale as a fraction of its maximum (0..1), RIASEC order; null when no usable profile. */
  interestProfile: RiasecVector | null;
  /** Top three letters, ties broken in RIASEC order; null when no usable profile. */
  hollandCode: string | null;
  aptitudes: Partial<Record<AptitudeSubtest, AptitudeScore>>;
  /** Controlled-vocabulary skill ids. */
  skills: string[];
  /** Skills as written that matched no vocabulary entry: kept and flagged, never dropped. */
  unknownSkills: string[];
  preferences: {
    maxCommuteKm?: number;
    willingToRelocate?: boolean;
    contractTypes?: ContractType[];
  };
  /** Validity and data-quality flags, e.g. `interests_identical`, `scale_incomplete:R`. */
  flags: string[];
}

export type OpportunityKind = 'job' | 'training';

/** A vacancy or a training offer, made comparable to a youth profile. */
export interface OpportunityProfile {
  kind: OpportunityKind;
  id: string;
  ownerId: string;
  ownerName: string;
  title: string;
  /** ISCO-08 unit groups: the vacancy's occupation, or a training's target occupations. */
  occupationCodes: string[];
  /** O*NET 1-7 scale, RIASEC order. */
  riasec: RiasecVector;
  riasecSource: 'occupation' | 'override' | 'targets' | 'unknown';
  /**
   * Set when the interest profile and job zone are estimated from the occupation's ISCO-08 minor or
   * sub-major group (the unit group has no O*NET profile of its own): the coarsest level used.
   */
  estimatedFrom?: 'minor_group' | 'sub_major_group';
  /** 1..5, O*NET job zone of the occupation (preparation needed). */
  jobZone: number;
  district: string;
  /** Openings (jobs) or seats (trainings). */
  capacity: number;
  minEducation: EducationLevel;
  minAge?: number;
  maxAge?: number;
  /** Required skills (jobs) or skills taught (trainings), vocabulary ids. */
  skills: string[];
  /**
   * Accessibility per need: stated accessible, adjustable (the owner can make a reasonable
   * accommodation), or not accessible; a need in none of the three is unknown, which excludes no one.
   */
  accessibleFor: DisabilityDomain[];
  adjustableFor?: DisabilityDomain[];
  notAccessibleFor?: DisabilityDomain[];
  /** Last day the opportunity can be taken: closing date (jobs) or start date (trainings). */
  deadline: IsoDate;
  contractType?: ContractType;
  /** Recorded and flagged for programme review; never excludes anyone. */
  genderRequirement?: GenderRequirement;
  wageMonthlyIdr?: number;
  costIdr?: number;
  durationDays?: number;
  certified?: boolean;
}
