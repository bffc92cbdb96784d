import { describe, expect, it } from 'vitest';
import { formatJson, toMatchOutput, toScoreOutput } from '#cli/output/json';
import { shortReason } from '#cli/output/reason';
import { formatMatchTable, formatScoreTable } from '#cli/output/table';
import { RIASEC } from '#core/domain/riasec';
import { DEFAULT_MATCH_CONFIG, matchAll, trainingToProfile, vacancyToProfile } from '#core/matching/index';
import { parseRecords } from '#core/records/parse';
import { districtDistance } from '#core/reference/districts';
import { occupationReference } from '#core/reference/occupations';
import { createScoringContext, scoreAssessments } from '#core/scoring/index';
import { assessment, interestAnswers, training, vacancy } from './records.ts';

const AS_OF = '2026-03-01';
const scoring = createScoringContext();
const label = (id: string, lang: 'id' | 'en') => scoring.skills.label(id, lang);

function rows(values: readonly Record<string, unknown>[]) {
  return values.map((v, i) => ({ row: i + 1, values: v }));
}

function scored(records: Record<string, unknown>[]) {
  const parsed = parseRecords('assessments', rows(records), { file: 'a.json' });
  expect(parsed.rejected).toEqual([]);
  return scoreAssessments(parsed.records, scoring).profiles;
}

function matched() {
  const youth = scored([
    assessment(),
    assessment({ youth_id: 'Y-0002', interests: interestAnswers({ R: 1, I: 1, A: 2, S: 4, E: 3, C: 2 }) }),
  ]);
  const ctx = { occupations: occupationReference.lookup, normaliseSkills: scoring.skills.normalise };
  const vacancies = parseRecords(
    'vacancies',
    rows([
      vacancy(),
      vacancy({
        vacancy_id: 'V-002',
        title: 'Operator Mesin Jahit Industri Garmen Ekspor Berpengalaman',
        occupation_code: '8153',
        skills: 'industrial_sewing|overlock|quality_control',
        gender_requirement: 'female',
        district: '3322',
      }),
    ]),
    { file: 'v.csv' },
  );
  const trainings = parseRecords('trainings', rows([training()]), { file: 't.jsonl' });
  expect(vacancies.rejected).toEqual([]);
  expect(trainings.rejected).toEqual([]);
  const opportunities = [
    ...vacancies.records.map((v) => vacancyToProfile(v, ctx).profile),
    ...trainings.records.map((t) => trainingToProfile(t, ctx).profile),
  ];
  const recommendations = matchAll(youth, opportunities, {
    asOf: AS_OF,
    config: DEFAULT_MATCH_CONFIG,
    distance: districtDistance,
    skillLabel: label,
  });
  return youth.map((profile, i) => ({ profile, recommendations: recommendations[i]! }));
}

describe('score JSON', () => {
  it('has the documented fields, scale scores and percentiles, and nothing sensitive', () => {
    const [profile] = scored([assessment({ disability: { walking: 3 } })]);
    const out = toScoreOutput(profile!);
    expect(Object.keys(out)).toEqual([
      'youth_id',
      'holland_code',
      'interests',
      'interest_profile',
      'aptitudes',
      'flags',
    ]);
    expect(out.youth_id).toBe('Y-0001');
    expect(out.holland_code?.[0]).toBe('R');
    expect(Object.keys(out.interests)).toEqual([...RIASEC]);
    expect(out.interests.R).toBe(profile!.interests.R.score);
    expect(out.interest_profile?.R).toBeCloseTo(out.interests.R! / 40, 4);
    expect(Object.keys(out.aptitudes)).toHaveLength(6);
    for (const p of Object.values(out.aptitudes)) expect(p).toBeGreaterThanOrEqual(0);
    const text = formatJson([out]);
    for (const secret of ['3374015505010001', 'nik', 'gender', 'walking', 'welfare']) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps null for an incomplete scale and no profile', () => {
    const interests: Record<string, number | null> = {
      ...interestAnswers({ R: 4, I: 2, A: 1, S: 1, E: 1, C: 2 }),
    };
    for (const item of ['S01', 'S02', 'S03']) interests[item] = null;
    const [profile] = scored([assessment({ interests })]);
    const out = toScoreOutput(profile!);
    expect(out.interests.S).toBeNull();
    expect(out.interest_profile).toBeNull();
    expect(out.holland_code).toBeNull();
    expect(out.flags).toContain('scale_incomplete:S');
  });
});

describe('match JSON', () => {
  it('names jobs by vacancy and trainings by training offer, with components adding up to the score', () => {
    const [first] = matched();
    const out = toMatchOutput(first!.profile, first!.recommendations);
    expect(Object.keys(out)).toEqual([
      'youth_id',
      'holland_code',
      'interests',
      'flags',
      'jobs',
      'trainings',
      'pathways',
    ]);
    const job = out.jobs.find((j) => j.vacancy_id === 'V-001')!;
    expect(job).toMatchObject({ title: 'Juru Las', employer_name: 'PT Baja Semarang' });
    const { interest, aptitude, skills, reach } = job.components;
    expect(interest + aptitude + skills + reach).toBeCloseTo(job.score, 3);
    expect(job.explanation.id).toMatch(/Minat Anda/);
    expect(job.explanation.en).toMatch(/Your interests/);
    expect(out.trainings.map((t) => t.training_id)).toEqual(['T-001']);
    expect(out.trainings[0]).toMatchObject({ provider_name: 'BLK Kota Semarang' });
    expect(formatJson(out)).not.toContain('3374015505010001');
  });
});

describe('short reason', () => {
  it('names shared interests, what is missing, distance and a gender requirement under review', () => {
    const [, second] = matched();
    const garment = second!.recommendations.jobs.find((j) => j.opportunityId === 'V-002')!;
    const en = shortReason(garment, 'en', label);
    expect(en).toMatch(/missing: /);
    expect(en).toMatch(/\+1 more/);
    expect(en).toMatch(/\d+ km/);
    expect(en).toContain('gender requirement under programme review');
    const id = shortReason(garment, 'id', label);
    expect(id).toMatch(/belum punya: /);
    expect(id).toContain('syarat jenis kelamin ditinjau program');
  });

  it('says a training teaches the skills the youth lacks', () => {
    const [first] = matched();
    const course = first!.recommendations.trainings[0]!;
    expect(shortReason(course, 'en', label)).toMatch(/teaches: Metal fabrication|teaches: /);
    expect(shortReason(course, 'id', label)).toContain('di kab/kota sendiri');
  });
});

describe('tables', () => {
  it('score table: a header and one line per youth, columns aligned', () => {
    const profiles = scored([assessment(), assessment({ youth_id: 'Y-0002-LONGER-ID', aptitudes: {} })]);
    const lines = formatScoreTable(profiles).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^youth_id\s+holland\s+R\s+I\s+A\s+S\s+E\s+C\s+VRB/);
    const hollandAt = lines[0]!.indexOf('holland');
    for (const line of lines.slice(1)) expect(line.slice(hollandAt, hollandAt + 3)).toMatch(/^[RIASEC-]/);
    expect(lines[2]).toContain('aptitude_missing:verbal');
    expect(formatScoreTable(profiles)).not.toContain('3374015505010001');
  });

  it('match table: a header line per youth, then ranked jobs and trainings in the chosen language', () => {
    const results = matched();
    const en = formatMatchTable(results, 'en', label);
    const blocks = en.split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^Y-0001 {2}Holland R/);
    expect(blocks[0]).toContain('  Jobs\n');
    expect(blocks[0]).toContain('  Trainings\n');
    expect(blocks[0]).toMatch(/\n {4} *1 {2}0\.\d{3} {2}V-00\d/);
    expect(blocks[1]).toContain(' Operator Mesin Jahit Industri Garme…  ');
    const id = formatMatchTable(results, 'id', label);
    expect(id).toContain('  Lowongan kerja\n');
    expect(id).toContain('  Pelatihan\n');
    expect(id).toContain('alasan');
  });

  it('match table: says so when nothing meets the requirements', () => {
    const [first] = matched();
    const empty = { ...first!.recommendations, jobs: [], trainings: [], pathways: [] };
    const text = formatMatchTable([{ profile: first!.profile, recommendations: empty }], 'en');
    expect(text).toContain(
      '  Jobs\n    (none meets the requirements)\n  Trainings\n    (none meets the requirements)',
    );
  });
});
