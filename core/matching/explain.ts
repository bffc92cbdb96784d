/**
 * Short bilingual sentences built from the score components. Counsellors read them aloud to young
 * people, so they name the reason (shared interests, missing skills, distance) in plain words.
 */
import type { EducationLevel } from '../domain/education.ts';
import type { Bilingual, Language, SkillLabel } from '../domain/language.ts';
import type { OpportunityKind } from '../domain/profiles.ts';
import { APTITUDE_SUBTEST_NAMES } from '../domain/records.ts';
import type {
  AptitudeGap,
  PathwayFacts,
  PathwayGap,
  RecommendationFacts,
  ScoreComponents,
  YouthBasis,
  YouthRecommendationFacts,
  YouthRecommendations,
} from './types.ts';

export interface ExplanationFacts {
  kind: OpportunityKind;
  hollandCode: string | null;
  interestCongruence: number;
  youthInterestNeutral: boolean;
  opportunityInterestUnknown: boolean;
  sharedHolland: string[];
  aptitudeGaps: AptitudeGap[];
  aptitudeNotAssessed: boolean;
  skillsRequired: number;
  skillsShared: number;
  missingSkills: string[];
  distanceKm: number | null;
  maxCommuteKm: number;
  relocation: boolean;
  score: number;
  components: ScoreComponents;
  genderReview: boolean;
  /** The occupation's profile is estimated from its ISCO-08 minor or sub-major group. */
  profileEstimated?: boolean;
  /** For a youth with an accommodation need: what the opportunity states about it. */
  accessibility?: 'stated' | 'adjustable' | 'unconfirmed';
}

const POWERS = [1, 10, 100, 1000];

/** Fixed decimals with the language's separator; integer arithmetic, as toFixed is slow in bulk. */
function decimal(value: number, digits: number, lang: Language): string {
  const scale = POWERS[digits]!;
  const scaled = Math.round(Math.abs(value) * scale);
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  const whole = Math.floor(scaled / scale);
  if (digits === 0) return `${sign}${whole}`;
  const fraction = String(scaled - whole * scale).padStart(digits, '0');
  return `${sign}${whole}${lang === 'id' ? ',' : '.'}${fraction}`;
}

function list(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(', ')} ${lang === 'id' ? 'dan' : 'and'} ${last}`;
}

function labels(ids: string[], lang: Language, label?: SkillLabel): string {
  return list(
    ids.map((id) => (label ? label(id, lang) : id)),
    lang,
  );
}

function interestSentence(f: ExplanationFacts): Bilingual {
  if (f.youthInterestNeutral) {
    return {
      id: 'Profil minat belum dapat dipakai, sehingga minat dihitung netral.',
      en: 'No usable interest profile yet, so interest counts as neutral.',
    };
  }
  if (f.opportunityInterestUnknown) {
    return {
      id: 'Profil minat jabatan ini belum diketahui, sehingga minat dihitung netral.',
      en: "This occupation's interest profile is unknown, so interest counts as neutral.",
    };
  }
  const c = f.interestCongruence;
  // Congruence is linear in the angle between the shapes: 0.7 is 54 degrees (cosine 0.6), 0.56 is
  // 79 degrees (cosine 0.2), 0.44 is 101 degrees (cosine -0.2).
  const [id, en] =
    c >= STRONG_INTEREST
      ? ['sangat sejalan dengan', 'strongly match']
      : c >= 0.56
        ? ['sejalan dengan', 'match']
        : c >= 0.44
          ? ['sebagian sejalan dengan', 'partly match']
          : ['kurang sejalan dengan', 'differ from'];
  const target =
    f.kind === 'job' ? { id: 'pekerjaan ini', en: 'this job' } : { id: 'pelatihan ini', en: 'this training' };
  const shared =
    f.sharedHolland.length > 0
      ? { id: `${f.sharedHolland.join(', ')} sama`, en: `${f.sharedHolland.join(', ')} in common` }
      : { id: 'tidak ada huruf yang sama', en: 'no letters in common' };
  return {
    id: `Minat Anda (${f.hollandCode ?? '-'}) ${id} ${target.id} (${shared.id}).`,
    en: `Your interests (${f.hollandCode ?? '-'}) ${en} ${target.en} (${shared.en}).`,
  };
}

function gapList(gaps: AptitudeGap[], lang: Language, of: string): string {
  return list(
    gaps.map((g) => `${APTITUDE_SUBTEST_NAMES[g.subtest][lang]} (${g.percentile} ${of} ${g.expected})`),
    lang,
  );
}

function aptitudeSentence(f: ExplanationFacts): Bilingual {
  const parts: Bilingual[] = [];
  if (f.aptitudeGaps.length === 0) {
    parts.push({
      id: 'Bakat Anda memenuhi tingkat yang diharapkan.',
      en: 'Your aptitudes meet the level this work expects.',
    });
  } else {
    parts.push({
      id: `Di bawah tingkat yang diharapkan pada ${gapList(f.aptitudeGaps, 'id', 'dari')}.`,
      en: `Below the expected level in ${gapList(f.aptitudeGaps, 'en', 'vs')}.`,
    });
  }
  if (f.aptitudeNotAssessed) {
    parts.push({
      id: 'Sebagian bakat yang relevan belum diuji (dihitung netral).',
      en: 'Some relevant aptitudes were not assessed (counted as neutral).',
    });
  }
  return { id: parts.map((p) => p.id).join(' '), en: parts.map((p) => p.en).join(' ') };
}

function skillsSentence(f: ExplanationFacts, label?: SkillLabel): Bilingual {
  const n = f.skillsRequired;
  if (f.kind === 'job') {
    if (n === 0) {
      return { id: 'Tidak ada keterampilan khusus yang disyaratkan.', en: 'No specific skills required.' };
    }
    const missing = f.missingSkills.length > 0;
    return {
      id: `Anda memiliki ${f.skillsShared} dari ${n} keterampilan yang dibutuhkan${missing ? `; belum: ${labels(f.missingSkills, 'id', label)}` : ''}.`,
      en: `You have ${f.skillsShared} of ${n} required skills${missing ? `; missing: ${labels(f.missingSkills, 'en', label)}` : ''}.`,
    };
  }
  if (n === 0)
    return { id: 'Keterampilan yang diajarkan tidak dirinci.', en: 'The skills taught are not listed.' };
  if (f.missingSkills.length === 0) {
    return {
      id: `Anda sudah memiliki semua ${n} keterampilan yang diajarkan.`,
      en: `You already have all ${n} skills it teaches.`,
    };
  }
  return {
    id: `Mengajarkan ${f.missingSkills.length} keterampilan baru bagi Anda: ${labels(f.missingSkills, 'id', label)}.`,
    en: `Teaches ${f.missingSkills.length} skills new to you: ${labels(f.missingSkills, 'en', label)}.`,
  };
}

function reachSentence(f: ExplanationFacts): Bilingual {
  if (f.relocation) {
    const far = f.distanceKm === null ? '' : ` (sekitar ${decimal(f.distanceKm, 0, 'id')} km)`;
    const farEn = f.distanceKm === null ? '' : ` (about ${decimal(f.distanceKm, 0, 'en')} km)`;
    return {
      id: `Di luar jangkauan harian Anda${far}; Anda bersedia pindah.`,
      en: `Beyond your daily commute${farEn}; you said you are willing to relocate.`,
    };
  }
  if (f.distanceKm === 0) return { id: 'Berada di kabupaten/kota Anda.', en: 'In your own district.' };
  const km = f.distanceKm ?? 0;
  return {
    id: `Sekitar ${decimal(km, 0, 'id')} km dari kabupaten/kota Anda (batas ${decimal(f.maxCommuteKm, 0, 'id')} km).`,
    en: `About ${decimal(km, 0, 'en')} km from your district (limit ${decimal(f.maxCommuteKm, 0, 'en')} km).`,
  };
}

function scoreSentence(f: ExplanationFacts): Bilingual {
  const c = f.components;
  return {
    id: `Skor ${decimal(f.score, 2, 'id')} (minat ${decimal(c.interest, 2, 'id')}, bakat ${decimal(c.aptitude, 2, 'id')}, keterampilan ${decimal(c.skills, 2, 'id')}, jangkauan ${decimal(c.reach, 2, 'id')}).`,
    en: `Score ${decimal(f.score, 2, 'en')} (interest ${decimal(c.interest, 2, 'en')}, aptitude ${decimal(c.aptitude, 2, 'en')}, skills ${decimal(c.skills, 2, 'en')}, reach ${decimal(c.reach, 2, 'en')}).`,
  };
}

const GENDER_REVIEW: Bilingual = {
  id: 'Lowongan ini mencantumkan syarat jenis kelamin; ditandai untuk ditinjau program dan tidak memengaruhi rekomendasi.',
  en: 'The vacancy states a gender requirement; it is flagged for programme review and does not affect this recommendation.',
};

const ACCESSIBILITY: Record<NonNullable<ExplanationFacts['accessibility']>, Bilingual> = {
  stated: {
    id: 'Tempat ini menyatakan dapat diakses untuk kebutuhan Anda.',
    en: 'It states it is accessible for your needs.',
  },
  adjustable: {
    id: 'Penyedia dapat melakukan penyesuaian agar tempat ini dapat diakses untuk kebutuhan Anda; bicarakan bersama konselor.',
    en: 'The provider can make adjustments so it is accessible for your needs; discuss them with your counsellor.',
  },
  unconfirmed: {
    id: 'Aksesibilitas untuk kebutuhan Anda belum dinyatakan: konfirmasikan dengan pemberi kerja atau penyelenggara.',
    en: 'Accessibility for your needs is not stated: confirm with the employer or provider.',
  },
};

function accessibilityOf(flags: readonly string[]): Pick<ExplanationFacts, 'accessibility'> {
  if (flags.includes('accessibility_unconfirmed')) return { accessibility: 'unconfirmed' };
  if (flags.includes('accessibility_adjustable')) return { accessibility: 'adjustable' };
  if (flags.includes('accessibility_stated')) return { accessibility: 'stated' };
  return {};
}

const PROFILE_ESTIMATED: Bilingual = {
  id: 'Profil minat jabatan ini diperkirakan dari kelompok jabatannya (ISCO-08), jadi kecocokan minat kurang pasti.',
  en: "This occupation's interest profile is estimated from its occupation group (ISCO-08), so the interest match is less certain.",
};

/** Interest congruence from which an explanation says "strongly". */
const STRONG_INTEREST = 0.7;

export function explainRecommendation(facts: ExplanationFacts, label?: SkillLabel): Bilingual {
  const sentences = [
    interestSentence(facts),
    aptitudeSentence(facts),
    skillsSentence(facts, label),
    reachSentence(facts),
    scoreSentence(facts),
  ];
  if (facts.profileEstimated) sentences.push(PROFILE_ESTIMATED);
  if (facts.accessibility) sentences.push(ACCESSIBILITY[facts.accessibility]);
  if (facts.genderReview) sentences.push(GENDER_REVIEW);
  return { id: sentences.map((s) => s.id).join(' '), en: sentences.map((s) => s.en).join(' ') };
}

export interface PathwayExplanationFacts {
  jobTitle: string;
  ownerName: string;
  interestCongruence: number;
  gaps: PathwayGap[];
  skillsRequired: number;
  skillsShared: number;
  missingSkills: string[];
  requiredEducation: EducationLevel | string;
  youthEducation: EducationLevel;
  trainings: { title: string; closesSkills: string[]; closesEducation: boolean }[];
}

export function explainPathway(f: PathwayExplanationFacts, label?: SkillLabel): Bilingual {
  const strength =
    f.interestCongruence >= STRONG_INTEREST ? { id: 'sangat ', en: 'strongly ' } : { id: '', en: '' };
  const gapsId: string[] = [];
  const gapsEn: string[] = [];
  if (f.gaps.includes('education')) {
    gapsId.push(
      `pekerjaan ini mensyaratkan ${f.requiredEducation} sedangkan pendidikan Anda ${f.youthEducation}`,
    );
    gapsEn.push(`it asks for ${f.requiredEducation} and you have ${f.youthEducation}`);
  }
  if (f.gaps.includes('skills')) {
    gapsId.push(
      `Anda memiliki ${f.skillsShared} dari ${f.skillsRequired} keterampilan yang dibutuhkan (belum: ${labels(f.missingSkills, 'id', label)})`,
    );
    gapsEn.push(
      `you have ${f.skillsShared} of ${f.skillsRequired} required skills (missing: ${labels(f.missingSkills, 'en', label)})`,
    );
  }
  const trainingText = (lang: Language) =>
    f.trainings
      .map((t) => {
        const why: string[] = [];
        if (t.closesSkills.length > 0) {
          why.push(`${lang === 'id' ? 'mengajarkan' : 'teaches'} ${labels(t.closesSkills, lang, label)}`);
        }
        if (t.closesEducation) {
          why.push(
            lang === 'id'
              ? 'bersertifikat untuk jabatan ini; konselor perlu memastikan dengan pemberi kerja'
              : 'certified for this occupation; counsellor to confirm with the employer',
          );
        }
        return `${t.title} (${why.join('; ')})`;
      })
      .join('; ');
  return {
    id: `Anda ${strength.id}berminat pada ${f.jobTitle} (${f.ownerName}), tetapi ${list(gapsId, 'id')}. Pelatihan yang dapat menutup kesenjangan: ${trainingText('id')}.`,
    en: `You are ${strength.en}interested in ${f.jobTitle} (${f.ownerName}), but ${list(gapsEn, 'en')}. Trainings that can close the gap: ${trainingText('en')}.`,
  };
}

// ---- explanations of stored facts -------------------------------------------------------------

/** What the explanations of one youth's set share. */
interface ExplainedYouth {
  hollandCode: string | null;
  basis: YouthBasis;
}

/** The explanation of a recommendation, from its facts alone: the matcher and readers both use this. */
export function explainRecommendationFacts(
  r: RecommendationFacts,
  youth: ExplainedYouth,
  label?: SkillLabel,
): Bilingual {
  return explainRecommendation(
    {
      kind: r.kind,
      hollandCode: youth.hollandCode,
      interestCongruence: r.basis.interestCongruence,
      youthInterestNeutral: r.flags.includes('interest_neutral_no_profile'),
      opportunityInterestUnknown: r.flags.includes('interest_neutral_unknown_occupation'),
      sharedHolland: r.sharedHolland,
      aptitudeGaps: r.aptitudeGaps,
      aptitudeNotAssessed: r.flags.includes('aptitude_not_assessed'),
      skillsRequired: r.basis.skillsRequired,
      skillsShared: r.basis.skillsShared,
      missingSkills: r.missingSkills,
      distanceKm: r.distanceKm,
      maxCommuteKm: youth.basis.maxCommuteKm,
      relocation: r.flags.includes('relocation_required'),
      score: r.score,
      components: r.components,
      genderReview: r.flags.includes('gender_requirement_review'),
      profileEstimated: r.flags.includes('occupation_profile_estimated'),
      ...accessibilityOf(r.flags),
    },
    label,
  );
}

function explainPathwayFacts(p: PathwayFacts, youth: ExplainedYouth, label?: SkillLabel): Bilingual {
  return explainPathway(
    {
      jobTitle: p.jobTitle,
      ownerName: p.ownerName,
      interestCongruence: p.interestCongruence,
      gaps: p.gaps,
      skillsRequired: p.basis.skillsRequired,
      skillsShared: p.basis.skillsShared,
      missingSkills: p.missingSkills,
      requiredEducation: p.requiredEducation,
      youthEducation: youth.basis.education,
      trainings: p.trainings,
    },
    label,
  );
}

/** Sets stored before explanations were written on read carry their own text and no basis. */
function storedText(item: { explanation?: Bilingual; basis?: unknown }): Bilingual | undefined {
  return item.basis === undefined ? item.explanation : undefined;
}

/**
 * A set with its explanations written in both languages. Storage keeps facts only (about a third of
 * the bytes); the text is written when a set is read, so a change of wording needs no rematch.
 */
export function explainSet(set: YouthRecommendationFacts, label?: SkillLabel): YouthRecommendations {
  const recommendation = (r: RecommendationFacts) => ({
    ...r,
    explanation: storedText(r) ?? explainRecommendationFacts(r, set, label),
  });
  return {
    ...set,
    jobs: set.jobs.map(recommendation),
    trainings: set.trainings.map(recommendation),
    pathways: set.pathways.map((p) => ({
      ...p,
      explanation: storedText(p) ?? explainPathwayFacts(p, set, label),
    })),
  };
}
