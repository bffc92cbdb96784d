/**
 * Tables for people at a terminal: `score` prints one aligned line per youth; `match` prints per
 * youth a header line, then the ranked jobs and trainings with their score and a short reason in
 * the counsellor's language, then the pathways.
 */

import type { Language, SkillLabel } from '#core/domain/language';
import type { YouthProfile } from '#core/domain/profiles';
import { APTITUDE_SUBTESTS, type AptitudeSubtest } from '#core/domain/records';
import { RIASEC } from '#core/domain/riasec';
import type { Pathway, Recommendation, YouthRecommendations } from '#core/matching/index';
import { youthFlags } from './json.ts';
import { shortReason } from './reason.ts';
import { type Align, alignColumns, compactNumber, fixed, truncate } from './text.ts';

const SUBTEST_COLUMN: Record<AptitudeSubtest, string> = {
  verbal: 'VRB',
  numerical: 'NUM',
  abstract: 'ABS',
  spatial: 'SPA',
  clerical: 'CLE',
  mechanical: 'MEC',
};

/** One line per youth: Holland code, six scale scores, aptitude percentiles, flags. */
export function formatScoreTable(profiles: readonly YouthProfile[]): string {
  const header = [
    'youth_id',
    'holland',
    ...RIASEC,
    ...APTITUDE_SUBTESTS.map((s) => SUBTEST_COLUMN[s]),
    'flags',
  ];
  const rows = profiles.map((p) => [
    p.youthId,
    p.hollandCode ?? '-',
    ...RIASEC.map((letter) => compactNumber(p.interests[letter].score)),
    ...APTITUDE_SUBTESTS.map((s) => fixed(p.aptitudes[s]?.percentile, 0)),
    p.flags.join(','),
  ]);
  const align: Align[] = [
    'left',
    'left',
    ...RIASEC.map((): Align => 'right'),
    ...APTITUDE_SUBTESTS.map((): Align => 'right'),
  ];
  return `${alignColumns([header, ...rows], align).join('\n')}\n`;
}

interface Labels {
  jobs: string;
  trainings: string;
  pathways: string;
  none: string;
  columns: { rank: string; score: string; id: string; title: string; owner: string; reason: string };
  jobOwner: string;
  trainingOwner: string;
  gaps: { skills: string; education: string };
  via: string;
  noProfile: string;
}

const LABELS: Record<Language, Labels> = {
  id: {
    jobs: 'Lowongan kerja',
    trainings: 'Pelatihan',
    pathways: 'Jalur: pelatihan menuju pekerjaan yang diminati',
    none: '(tidak ada yang memenuhi syarat)',
    columns: { rank: '#', score: 'skor', id: 'kode', title: 'judul', owner: '', reason: 'alasan' },
    jobOwner: 'pemberi kerja',
    trainingOwner: 'lembaga',
    gaps: { skills: 'keterampilan', education: 'pendidikan' },
    via: 'melalui',
    noProfile: 'profil minat belum dapat dipakai',
  },
  en: {
    jobs: 'Jobs',
    trainings: 'Trainings',
    pathways: 'Pathways: trainings towards wanted jobs',
    none: '(none meets the requirements)',
    columns: { rank: '#', score: 'score', id: 'id', title: 'title', owner: '', reason: 'reason' },
    jobOwner: 'employer',
    trainingOwner: 'provider',
    gaps: { skills: 'skills', education: 'education' },
    via: 'via',
    noProfile: 'no usable interest profile',
  },
};

const TITLE_WIDTH = 36;
const OWNER_WIDTH = 28;
const INDENT = '    ';

function youthHeader(profile: YouthProfile, recommendations: YouthRecommendations, labels: Labels): string {
  const holland = profile.hollandCode ?? `- (${labels.noProfile})`;
  const scales = RIASEC.map((letter) => `${letter} ${compactNumber(profile.interests[letter].score)}`).join(
    ' ',
  );
  const flags = youthFlags(profile, recommendations);
  return `${profile.youthId}  Holland ${holland}  ${scales}${flags.length > 0 ? `  [${flags.join(', ')}]` : ''}`;
}

function recommendationLines(
  title: string,
  owner: string,
  list: readonly Recommendation[],
  lang: Language,
  skillLabel: SkillLabel | undefined,
): string[] {
  const labels = LABELS[lang];
  if (list.length === 0) return [`  ${title}`, `${INDENT}${labels.none}`];
  const c = labels.columns;
  const rows = [
    [c.rank, c.score, c.id, c.title, owner, c.reason],
    ...list.map((r, i) => [
      String(i + 1),
      fixed(r.score, 3),
      r.opportunityId,
      truncate(r.title, TITLE_WIDTH),
      truncate(r.ownerName, OWNER_WIDTH),
      shortReason(r, lang, skillLabel),
    ]),
  ];
  const lines = alignColumns(rows, ['right', 'right']).map((line) => INDENT + line);
  return [`  ${title}`, ...lines];
}

function pathwayLine(p: Pathway, labels: Labels): string {
  const gaps = p.gaps.map((g) => labels.gaps[g]).join(', ');
  const trainings = p.trainings.map((t) => `${t.opportunityId} ${truncate(t.title, TITLE_WIDTH)}`).join('; ');
  return `${INDENT}${p.jobId} ${truncate(p.jobTitle, TITLE_WIDTH)} (${truncate(p.ownerName, OWNER_WIDTH)}): ${gaps} -> ${labels.via} ${trainings}`;
}

export interface MatchTableRow {
  profile: YouthProfile;
  recommendations: YouthRecommendations;
}

export function formatYouthBlock(
  { profile, recommendations }: MatchTableRow,
  lang: Language,
  skillLabel?: SkillLabel,
): string {
  const labels = LABELS[lang];
  const lines = [
    youthHeader(profile, recommendations, labels),
    ...recommendationLines(labels.jobs, labels.jobOwner, recommendations.jobs, lang, skillLabel),
    ...recommendationLines(
      labels.trainings,
      labels.trainingOwner,
      recommendations.trainings,
      lang,
      skillLabel,
    ),
  ];
  if (recommendations.pathways.length > 0) {
    lines.push(`  ${labels.pathways}`, ...recommendations.pathways.map((p) => pathwayLine(p, labels)));
  }
  return `${lines.join('\n')}\n`;
}

/** Youth blocks separated by a blank line. */
export function formatMatchTable(
  rows: readonly MatchTableRow[],
  lang: Language,
  skillLabel?: SkillLabel,
): string {
  return rows.map((row) => formatYouthBlock(row, lang, skillLabel)).join('\n');
}
