import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { createInstrumentRegistry, defaultInstruments } from '#core/instruments/registry';
import { buildCohortNorms } from '#core/scoring/norms';
import { createScoringContext, hollandCode, scoreAssessment, scoreAssessments } from '#core/scoring/score';
import { answers, assessment, MINI, uniform } from './fixtures.ts';

const ctx = createScoringContext();

function issuesOf(fn: () => unknown): { field: string; reason: string; record?: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const TEN = (v: number) => Array.from({ length: 10 }, () => v);

describe('scale scores', () => {
  it('sum the answers of each scale', () => {
    const interests = answers({
      R: [4, 4, 3, 3, 2, 2, 1, 1, 0, 0],
      I: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4],
      A: TEN(1),
      S: [4, 4, 4, 4, 4, 4, 4, 4, 4, 3],
      E: TEN(0),
      C: [2, 3, 2, 3, 2, 3, 2, 3, 2, 3],
    });
    const profile = scoreAssessment(assessment({ interests }), ctx);
    expect(profile.interests.R).toEqual({ score: 20, answered: 10, items: 10, prorated: false });
    expect(profile.interests.I.score).toBe(20);
    expect(profile.interests.A.score).toBe(10);
    expect(profile.interests.S.score).toBe(39);
    expect(profile.interests.E.score).toBe(0);
    expect(profile.interests.C.score).toBe(25);
    expect(profile.interestProfile).toEqual([0.5, 0.5, 0.25, 0.975, 0, 0.625]);
    expect(profile.hollandCode).toBe('SCR');
    expect(profile.flags).toEqual([]);
    expect(profile.skills).toEqual(['welding_smaw', 'driving_sim_c']);
  });

  it('prorate a scale with 8 of 10 items answered by 10/8', () => {
    const interests = answers({
      R: [4, 3, 2, 1, 0, 4, 3, 2, null, null],
      I: TEN(3),
      A: TEN(2),
      S: TEN(1),
      E: TEN(2),
      C: TEN(4),
    });
    delete interests.R09;
    const profile = scoreAssessment(assessment({ interests }), ctx);
    // 19 * 1.25 = 23.75
    expect(profile.interests.R).toEqual({ score: 23.75, answered: 8, items: 10, prorated: true });
    expect(profile.interestProfile?.[0]).toBe(0.5938);
    expect(profile.flags).not.toContain('scale_incomplete:R');
  });

  it('round a prorated score to two decimals', () => {
    const interests = answers({
      R: TEN(2),
      I: [4, 4, 4, 4, 4, 4, 4, 4, 4, null],
      A: TEN(2),
      S: TEN(2),
      E: TEN(2),
      C: [1, 0, 0, 0, 0, 0, 0, 0, 0, null],
    });
    const profile = scoreAssessment(assessment({ interests }), ctx);
    expect(profile.interests.I.score).toBe(40);
    expect(profile.interests.C.score).toBe(1.11);
  });

  it('mark a scale with 7 of 10 items answered incomplete and withhold the profile', () => {
    const interests = answers({
      R: TEN(3),
      I: [4, 3, 2, 1, 0, 4, 3, null, null, null],
      A: TEN(2),
      S: TEN(1),
      E: TEN(2),
      C: TEN(4),
    });
    const profile = scoreAssessment(assessment({ interests }), ctx);
    expect(profile.interests.I).toEqual({ score: null, answered: 7, items: 10, prorated: false });
    expect(profile.interestProfile).toBeNull();
    expect(profile.hollandCode).toBeNull();
    expect(profile.flags).toEqual(['scale_incomplete:I', 'interests_incomplete']);
  });

  it('score the mini form on 0..20 and prorate 4 of 5 items', () => {
    const interests = answers({
      R: [3, 3, 2, 2, null],
      I: [4, 4, 4, 4, 4],
      A: [0, 0, 0, 0, 1],
      S: [2, 2, 2, 2, 2],
      E: [1, 1, 1, 1, 1],
      C: [3, 3, 3, null, null],
    });
    const profile = scoreAssessment(assessment({ instrument: MINI, interests }), ctx);
    expect(profile.interests.R).toEqual({ score: 12.5, answered: 4, items: 5, prorated: true });
    expect(profile.interests.I.score).toBe(20);
    expect(profile.interests.C.score).toBeNull();
    expect(profile.flags).toContain('scale_incomplete:C');
  });
});

describe('validity flags', () => {
  it('give no profile when every answer is the same', () => {
    const profile = scoreAssessment(
      assessment({ interests: uniform({ R: 2, I: 2, A: 2, S: 2, E: 2, C: 2 }) }),
      ctx,
    );
    expect(profile.interestProfile).toBeNull();
    expect(profile.hollandCode).toBeNull();
    expect(profile.flags).toEqual(['interests_identical']);
    expect(profile.interests.R.score).toBe(20);
  });

  it('flag a usable profile whose scales span less than 0.15 as flat', () => {
    // R 25/40 = 0.625 .. S 30/40 = 0.75: a spread of 0.125
    const interests = answers({
      R: [3, 3, 3, 3, 3, 2, 2, 2, 2, 2],
      I: [3, 3, 3, 3, 3, 3, 2, 2, 2, 2],
      A: [3, 3, 3, 3, 3, 3, 3, 2, 2, 2],
      S: TEN(3),
      E: [3, 3, 3, 3, 3, 3, 3, 3, 2, 2],
      C: [3, 3, 3, 3, 3, 3, 3, 3, 3, 2],
    });
    const profile = scoreAssessment(assessment({ interests }), ctx);
    expect(profile.flags).toEqual(['interests_flat']);
    expect(profile.interestProfile).not.toBeNull();
    expect(profile.hollandCode).toBe('SCE');
  });

  it('do not flag a spread of exactly 0.15', () => {
    // R 25/40 = 0.625 .. S 31/40 = 0.775
    const interests = answers({
      R: [3, 3, 3, 3, 3, 2, 2, 2, 2, 2],
      I: TEN(3),
      A: TEN(3),
      S: [4, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      E: TEN(3),
      C: TEN(3),
    });
    expect(scoreAssessment(assessment({ interests }), ctx).flags).toEqual([]);
  });
});

describe('Holland code', () => {
  it('takes the top three scales', () => {
    expect(hollandCode({ R: 1, I: 5, A: 2, S: 30, E: 12, C: 20 })).toBe('SCE');
  });

  it('breaks ties in RIASEC order', () => {
    expect(hollandCode({ R: 20, I: 30, A: 30, S: 30, E: 30, C: 10 })).toBe('IAS');
    expect(hollandCode({ R: 35, I: 0, A: 0, S: 0, E: 40, C: 35 })).toBe('ERC');
    expect(hollandCode({ R: 7, I: 7, A: 7, S: 7, E: 7, C: 7 })).toBe('RIA');
  });

  it('is read from prorated scores', () => {
    const profile = scoreAssessment(assessment(), ctx);
    // R 40, I 30, A 10, S 20, E 0, C 30: I and C tie, I comes first
    expect(profile.hollandCode).toBe('RIC');
    expect(profile.interestProfile).toEqual([1, 0.75, 0.25, 0.5, 0, 0.75]);
  });
});

describe('aptitudes', () => {
  it('convert correct/total to percentiles with the default norms', () => {
    const { aptitudes } = scoreAssessment(assessment(), ctx);
    expect(aptitudes.verbal).toEqual({ correct: 15, total: 30, percentile: 38, norm: 'default' });
    expect(aptitudes.numerical?.percentile).toBe(88);
    expect(aptitudes.spatial?.percentile).toBe(13.7);
    expect(aptitudes.mechanical?.percentile).toBe(94);
  });

  it('leave a missing subtest out and flag it', () => {
    const record = assessment();
    delete record.aptitudes?.mechanical;
    delete record.aptitudes?.verbal;
    const profile = scoreAssessment(record, ctx);
    expect(profile.aptitudes.mechanical).toBeUndefined();
    expect('mechanical' in profile.aptitudes).toBe(false);
    expect(profile.flags).toEqual(['aptitude_missing:verbal', 'aptitude_missing:mechanical']);
  });

  it('use cohort norms when the context carries them', () => {
    const cohort = Array.from({ length: 200 }, (_, i) => ({ verbal: (i % 4) / 4 }));
    const cohortCtx = createScoringContext({ norms: buildCohortNorms(cohort) });
    const { aptitudes } = scoreAssessment(assessment(), cohortCtx);
    // 0.5: half the cohort below (0, 0.25), a quarter equal -> 50 + 12.5
    expect(aptitudes.verbal).toEqual({ correct: 15, total: 30, percentile: 62.5, norm: 'cohort' });
    expect(aptitudes.numerical?.norm).toBe('default');
  });
});

describe('validation', () => {
  it('names every bad item and every bad subtest in one error', () => {
    const interests: Record<string, number | null> = {
      ...uniform({ R: 1, I: 2, A: 3, S: 4, E: 0, C: 1 }),
      R11: 2,
      I03: 5,
      A04: 2.5,
      S05: -1,
    };
    const record = assessment({
      interests,
      aptitudes: {
        verbal: { correct: 31, total: 30 },
        numerical: { correct: 3, total: 0 },
        abstract: { correct: 1.5, total: 20 },
      },
    });
    const issues = issuesOf(() => scoreAssessment(record, ctx));
    expect(issues.map((i) => i.field)).toEqual([
      'interests.I03',
      'interests.A04',
      'interests.S05',
      'interests.R11',
      'aptitudes.verbal.correct',
      'aptitudes.numerical.total',
      'aptitudes.abstract.correct',
    ]);
    expect(issues.every((i) => i.record === 'Y-0001')).toBe(true);
    expect(issues[0]?.reason).toMatch(/0\.\.4, got 5/);
    expect(issues[3]?.reason).toMatch(/not an item of instrument sinergi-minat-bakat-v1/);
  });

  it('rejects an item of the full form on the mini form', () => {
    const issues = issuesOf(() => scoreAssessment(assessment({ instrument: MINI }), ctx));
    expect(issues).toHaveLength(30);
    expect(issues[0]).toMatchObject({ field: 'interests.A06' });
    expect(issues.at(-1)).toMatchObject({ field: 'interests.S10' });
  });

  it('rejects an unknown instrument and an unknown subtest', () => {
    const record = assessment({
      instrument: 'holland-sds',
      aptitudes: { memory: { correct: 1, total: 2 } } as never,
    });
    const issues = issuesOf(() => scoreAssessment(record, ctx));
    expect(issues.map((i) => i.field)).toEqual(['instrument', 'aptitudes.memory']);
  });

  it('rejects a subtest the instrument does not include', () => {
    const [full] = defaultInstruments;
    const noMechanical = {
      ...full!,
      aptitudeSubtests: full!.aptitudeSubtests.filter((s) => s !== 'mechanical'),
    };
    const narrowCtx = createScoringContext({ instruments: createInstrumentRegistry([noMechanical]) });
    const issues = issuesOf(() => scoreAssessment(assessment(), narrowCtx));
    expect(issues).toEqual([
      {
        field: 'aptitudes.mechanical',
        reason: 'not a subtest of instrument sinergi-minat-bakat-v1',
        record: 'Y-0001',
      },
    ]);
  });

  it('never puts the NIK in an error', () => {
    const record = assessment({ interests: { R01: 9 } });
    expect(() => scoreAssessment(record, ctx)).toThrow(ValidationError);
    const message = (() => {
      try {
        scoreAssessment(record, ctx);
      } catch (error) {
        return String((error as Error).message);
      }
      return '';
    })();
    expect(message).not.toContain(record.nik);
  });
});

describe('the profile', () => {
  it('carries the person through in camelCase and never the NIK', () => {
    const profile = scoreAssessment(assessment(), ctx);
    expect(profile).toMatchObject({
      youthId: 'Y-0001',
      instrument: 'sinergi-minat-bakat-v1',
      assessedAt: '2026-03-02',
      gender: 'F',
      birthDate: '2003-05-17',
      district: '3374',
      education: 'SMK',
      disability: { walking: 3 },
      welfareDecile: 2,
      preferences: { maxCommuteKm: 25, willingToRelocate: false, contractTypes: ['permanent', 'contract'] },
    });
    const text = JSON.stringify(profile);
    expect(text).not.toContain('3374012345678901');
    expect(text).not.toMatch(/nik/i);
  });

  it('leaves out absent optional fields', () => {
    const record = assessment();
    delete record.welfare_decile;
    delete record.disability;
    delete record.preferences;
    const profile = scoreAssessment(record, ctx);
    expect('welfareDecile' in profile).toBe(false);
    expect(profile.disability).toEqual({});
    expect(profile.preferences).toEqual({});
  });

  it('normalises skills and keeps unknown ones, flagged once', () => {
    const record = assessment({
      skills: ['Las listrik', 'SMAW', 'menganyam pandan', 'Jualan Online', 'Ngarit'],
    });
    const profile = scoreAssessment(record, ctx);
    expect(profile.skills).toEqual(['welding_smaw', 'online_selling']);
    expect(profile.unknownSkills).toEqual(['menganyam pandan', 'Ngarit']);
    expect(profile.flags.filter((f) => f === 'unknown_skill')).toHaveLength(1);
  });
});

describe('scoreAssessments', () => {
  it('scores the valid records and reports the rest with index and youth id', () => {
    const records = [
      assessment({ youth_id: 'Y-1' }),
      assessment({ youth_id: 'Y-2', interests: { R01: 7 } }),
      assessment({ youth_id: 'Y-3', instrument: MINI, interests: {} }),
      assessment({ youth_id: 'Y-4', aptitudes: { clerical: { correct: 2, total: 1 } } }),
    ];
    const { profiles, rejected } = scoreAssessments(records, ctx);
    expect(profiles.map((p) => p.youthId)).toEqual(['Y-1', 'Y-3']);
    expect(profiles[1]?.flags).toContain('interests_incomplete');
    expect(rejected).toEqual([
      { index: 1, youthId: 'Y-2', issues: [expect.objectContaining({ field: 'interests.R01' })] },
      {
        index: 3,
        youthId: 'Y-4',
        issues: [expect.objectContaining({ field: 'aptitudes.clerical.correct' })],
      },
    ]);
  });
});
