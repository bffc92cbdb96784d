/**
 * The short reason a table shows next to a recommendation: the few facts a counsellor scans for
 * (shared interests, what is missing, distance, anything to review). The full sentences stay in
 * the JSON `explanation`.
 */
import type { Language, SkillLabel } from '#core/domain/language';
import { APTITUDE_SUBTEST_NAMES } from '#core/domain/records';
import type { Recommendation } from '#core/matching/index';

const WORDS = {
  id: {
    shared: 'minat sama',
    neutral: 'minat netral',
    missing: 'belum punya',
    teaches: 'mengajarkan',
    aptitude: 'bakat di bawah harapan',
    home: 'di kab/kota sendiri',
    unknownDistance: 'jarak tidak diketahui',
    relocation: 'perlu pindah',
    genderReview: 'syarat jenis kelamin ditinjau program',
    more: 'lainnya',
  },
  en: {
    shared: 'shared interests',
    neutral: 'interest neutral',
    missing: 'missing',
    teaches: 'teaches',
    aptitude: 'aptitude below expected',
    home: 'own district',
    unknownDistance: 'distance unknown',
    relocation: 'relocation',
    genderReview: 'gender requirement under programme review',
    more: 'more',
  },
} as const;

/** At most this many names per list: a table line must stay readable. */
const LIST_LIMIT = 2;

function shortList(names: readonly string[], lang: Language): string {
  const shown = names.slice(0, LIST_LIMIT).join(', ');
  const rest = names.length - LIST_LIMIT;
  return rest > 0 ? `${shown} +${rest} ${WORDS[lang].more}` : shown;
}

function distance(km: number | null, lang: Language): string {
  if (km === null) return WORDS[lang].unknownDistance;
  if (km === 0) return WORDS[lang].home;
  return `${Math.round(km)} km`;
}

export function shortReason(r: Recommendation, lang: Language, skillLabel?: SkillLabel): string {
  const words = WORDS[lang];
  const label = (id: string) => (skillLabel ? skillLabel(id, lang) : id);
  const parts: string[] = [];
  if (r.sharedHolland.length > 0) parts.push(`${words.shared} ${r.sharedHolland.join('')}`);
  else if (r.flags.some((f) => f.startsWith('interest_neutral'))) parts.push(words.neutral);
  if (r.missingSkills.length > 0) {
    const what = r.kind === 'job' ? words.missing : words.teaches;
    parts.push(`${what}: ${shortList(r.missingSkills.map(label), lang)}`);
  }
  if (r.aptitudeGaps.length > 0) {
    parts.push(
      `${words.aptitude}: ${shortList(
        r.aptitudeGaps.map((g) => APTITUDE_SUBTEST_NAMES[g.subtest][lang]),
        lang,
      )}`,
    );
  }
  parts.push(distance(r.distanceKm, lang));
  if (r.flags.includes('relocation_required')) parts.push(words.relocation);
  if (r.flags.includes('gender_requirement_review')) parts.push(words.genderReview);
  return parts.join('; ');
}
