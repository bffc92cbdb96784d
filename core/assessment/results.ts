/**
 * What the youth sees after the assessment, in their own language: the Holland code in plain
 * words, the three strongest interests with example occupations, the top jobs and trainings with a
 * short reason each, and the counsellor as the next step. No numbers: a score invites comparison
 * the recommendation cannot bear, and the counsellor explains the rest.
 */
import type { Language } from '../domain/language.ts';
import type { YouthProfile } from '../domain/profiles.ts';
import { RIASEC, RIASEC_NAMES, type RiasecLetter } from '../domain/riasec.ts';
import type { RecommendationFacts, YouthRecommendationFacts } from '../matching/types.ts';
import type { CounsellorContact } from './invitation.ts';

interface InterestText {
  /** "You like ..." in one sentence. */
  plain: string;
  examples: readonly string[];
}

/** Plain descriptions and example occupations (Central Java's common work) per interest type. */
export const INTEREST_TEXT: Readonly<Record<RiasecLetter, Record<Language, InterestText>>> = {
  R: {
    id: {
      plain: 'Kamu suka bekerja dengan tangan, alat, mesin, tanaman atau hewan.',
      examples: ['montir sepeda motor', 'teknisi listrik', 'tukang las', 'petani hortikultura'],
    },
    en: {
      plain: 'You like working with your hands, tools, machines, plants or animals.',
      examples: ['motorbike mechanic', 'electrician', 'welder', 'horticulture farmer'],
    },
  },
  I: {
    id: {
      plain: 'Kamu suka mencari tahu, meneliti dan memecahkan masalah.',
      examples: ['analis laboratorium', 'teknisi komputer', 'pengawas mutu', 'asisten apoteker'],
    },
    en: {
      plain: 'You like finding things out, investigating and solving problems.',
      examples: ['laboratory analyst', 'computer technician', 'quality inspector', 'pharmacy assistant'],
    },
  },
  A: {
    id: {
      plain: 'Kamu suka mencipta, menggambar, merancang dan tampil.',
      examples: ['desainer grafis', 'perajin batik', 'fotografer', 'penata rias'],
    },
    en: {
      plain: 'You like creating, drawing, designing and performing.',
      examples: ['graphic designer', 'batik artisan', 'photographer', 'make-up artist'],
    },
  },
  S: {
    id: {
      plain: 'Kamu suka membantu, mengajar dan merawat orang lain.',
      examples: ['perawat', 'guru PAUD', 'pengasuh lansia', 'petugas layanan pelanggan'],
    },
    en: {
      plain: 'You like helping, teaching and caring for people.',
      examples: ['nurse', 'early-childhood teacher', 'elderly carer', 'customer service officer'],
    },
  },
  E: {
    id: {
      plain: 'Kamu suka memimpin, meyakinkan orang dan berjualan.',
      examples: ['tenaga penjual', 'pemilik usaha kecil', 'supervisor toko', 'agen pemasaran'],
    },
    en: {
      plain: 'You like leading, persuading people and selling.',
      examples: ['sales assistant', 'small-business owner', 'shop supervisor', 'marketing agent'],
    },
  },
  C: {
    id: {
      plain: 'Kamu suka bekerja rapi dan teliti dengan data, angka dan aturan.',
      examples: ['staf administrasi', 'kasir', 'petugas gudang', 'juru tulis data'],
    },
    en: {
      plain: 'You like orderly, careful work with data, numbers and rules.',
      examples: ['administrative clerk', 'cashier', 'warehouse clerk', 'data entry clerk'],
    },
  },
};

export interface YouthInterest {
  letter: RiasecLetter;
  name: string;
  plain: string;
  examples: string[];
}

export interface YouthOpportunity {
  kind: 'job' | 'training';
  title: string;
  ownerName: string;
  /** One short sentence: why it came up. */
  why: string;
}

export interface YouthResults {
  lang: Language;
  hollandCode: string | null;
  /** The code's letters in words, e.g. "Sosial - Wirausaha - Konvensional". */
  hollandExplained: string;
  interests: YouthInterest[];
  jobs: YouthOpportunity[];
  trainings: YouthOpportunity[];
  nextStep: { text: string; counsellor: CounsellorContact };
}

const JOBS_SHOWN = 5;
const TRAININGS_SHOWN = 3;

function strongest(profile: YouthProfile): RiasecLetter[] {
  if (profile.hollandCode) return [...profile.hollandCode] as RiasecLetter[];
  // Without a usable profile (e.g. every answer the same) the answered sums still order the scales.
  return RIASEC.map((letter, order) => ({ letter, order, score: profile.interests[letter].score ?? -1 }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, 3)
    .map((s) => s.letter);
}

function why(facts: RecommendationFacts, lang: Language): string {
  const names = facts.sharedHolland.map((l) => RIASEC_NAMES[l as RiasecLetter][lang].toLowerCase());
  const learn = facts.missingSkills.length;
  if (lang === 'id') {
    const base =
      names.length > 0
        ? `Cocok dengan minatmu (${names.join(', ')}).`
        : 'Sesuai dengan pendidikan dan tempat tinggalmu.';
    if (facts.kind === 'training') return `${base} Pelatihan ini menambah keterampilan untuk bekerja.`;
    return learn > 0
      ? `${base} Ada ${learn === 1 ? 'satu keterampilan' : 'beberapa keterampilan'} yang bisa kamu pelajari dulu.`
      : base;
  }
  const base =
    names.length > 0
      ? `Fits your interests (${names.join(', ')}).`
      : 'Fits your education and where you live.';
  if (facts.kind === 'training') return `${base} This training adds skills for work.`;
  return learn > 0
    ? `${base} There ${learn === 1 ? 'is one skill' : 'are some skills'} you could learn first.`
    : base;
}

const NEXT_STEP: Record<Language, string> = {
  id: 'Bicarakan hasil ini dengan konselormu. Konselor bisa membantu melamar, memilih pelatihan, atau memeriksa ulang rekomendasi ini.',
  en: 'Talk these results over with your counsellor, who can help you apply, choose a training, or review these recommendations.',
};

export function youthResultsView(
  profile: YouthProfile,
  set: YouthRecommendationFacts | undefined,
  counsellor: CounsellorContact,
  lang: Language,
): YouthResults {
  const letters = strongest(profile);
  const toOpportunity = (facts: RecommendationFacts): YouthOpportunity => ({
    kind: facts.kind,
    title: facts.title,
    ownerName: facts.ownerName,
    why: why(facts, lang),
  });
  return {
    lang,
    hollandCode: profile.hollandCode,
    hollandExplained: letters.map((l) => RIASEC_NAMES[l][lang]).join(' - '),
    interests: letters.map((letter) => ({
      letter,
      name: RIASEC_NAMES[letter][lang],
      plain: INTEREST_TEXT[letter][lang].plain,
      examples: [...INTEREST_TEXT[letter][lang].examples],
    })),
    jobs: (set?.jobs ?? []).slice(0, JOBS_SHOWN).map(toOpportunity),
    trainings: (set?.trainings ?? []).slice(0, TRAININGS_SHOWN).map(toOpportunity),
    nextStep: { text: NEXT_STEP[lang], counsellor },
  };
}
