import { describe, expect, it } from 'vitest';
import { APTITUDE_SUBTESTS } from '#core/domain/records';
import {
  aptitudeFit,
  aptitudeWeights,
  centredUnit,
  congruenceFromCosine,
  DEFAULT_MATCH_CONFIG,
  interestCongruence,
  jobSkillsOverlap,
  matchAll,
  reachScore,
  subtestStrength,
  topLetters,
  trainingSkillsNovelty,
} from '#core/matching/index';
import { job, options, youth } from './fixtures.ts';

const relevance = DEFAULT_MATCH_CONFIG.aptitudeRelevance;
const reach = { floorAtLimit: 0.3, relocationScore: 0.1 };

describe('interest congruence', () => {
  it('compares shapes, not levels: the same shape at another level and scale is a full match', () => {
    const a = centredUnit([0.9, 0.1, 0.1, 0.5, 0.3, 0.1]);
    const b = centredUnit([7, 1, 1, 4, 2.5, 1]);
    expect(interestCongruence(a, b)).toBeCloseTo(1, 12);
  });

  it('an opposite shape scores 0 and an orthogonal one 0.5', () => {
    expect(interestCongruence(centredUnit([1, 0, 0, 0, 0, 0]), centredUnit([0, 1, 1, 1, 1, 1]))).toBeCloseTo(
      0,
      6,
    );
    // R-I difference vs A-S difference: orthogonal after centring.
    expect(
      interestCongruence(centredUnit([1, -1, 0, 0, 0, 0]), centredUnit([0, 0, 1, -1, 0, 0])),
    ).toBeCloseTo(0.5, 12);
  });

  it('is linear in the angle between the shapes', () => {
    expect(congruenceFromCosine(1)).toBe(1);
    expect(congruenceFromCosine(0)).toBe(0.5);
    expect(congruenceFromCosine(Math.cos(Math.PI / 4))).toBeCloseTo(0.75, 12);
    expect(congruenceFromCosine(1.0000001)).toBe(1);
  });

  it('a flat profile has no shape and is neutral', () => {
    const flat = centredUnit([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(flat)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(interestCongruence(flat, centredUnit([7, 1, 1, 1, 1, 1]))).toBe(0.5);
  });
});

describe('aptitude fit', () => {
  it('weights the subtests relevant to the letters above the mean', () => {
    const weights = aptitudeWeights([7, 1, 1, 1, 1, 1], relevance);
    const byName = Object.fromEntries(APTITUDE_SUBTESTS.map((s, i) => [s, weights[i]]));
    expect(byName).toEqual({
      verbal: 0,
      numerical: 0,
      abstract: 0,
      spatial: 0.5,
      clerical: 0,
      mechanical: 0.5,
    });
  });

  it('splits by excess: S twice as far above the mean as C', () => {
    // mean 3; S excess 3 -> verbal; C excess 1.5 -> clerical, numerical
    const w = aptitudeWeights([1.5, 1.5, 1.5, 6, 3, 4.5], relevance);
    const byName = Object.fromEntries(APTITUDE_SUBTESTS.map((s, i) => [s, w[i]]));
    expect(byName['verbal']).toBeCloseTo(2 / 3, 12);
    expect(byName['clerical']).toBeCloseTo(1 / 6, 12);
    expect(byName['numerical']).toBeCloseTo(1 / 6, 12);
  });

  it('a shapeless profile weighs all subtests alike', () => {
    expect(Array.from(aptitudeWeights([4, 4, 4, 4, 4, 4], relevance))).toEqual(Array(6).fill(1 / 6));
  });

  it('a subtest counts its percentile as a share, the median when not assessed', () => {
    expect(subtestStrength(50)).toBe(0.5);
    expect(subtestStrength(90)).toBe(0.9);
    expect(subtestStrength(undefined)).toBe(0.5);
  });

  it('fit weighs the demanded subtests; the same percentile everywhere fits every profile alike', () => {
    const even = { verbal: 60, numerical: 60, abstract: 60, spatial: 60, clerical: 60, mechanical: 60 };
    const mixed = { verbal: 90, numerical: 30, abstract: 30, spatial: 30, clerical: 30, mechanical: 70 };
    const at = (p: Record<string, number>) =>
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, { percentile: v }]));
    const social = aptitudeWeights([1, 1, 1, 7, 1, 1], relevance); // verbal only
    const realistic = aptitudeWeights([7, 1, 1, 1, 1, 1], relevance); // mechanical, spatial
    expect(aptitudeFit(at(even), social)).toBeCloseTo(0.6, 12);
    expect(aptitudeFit(at(even), realistic)).toBeCloseTo(0.6, 12);
    expect(aptitudeFit(at(mixed), social)).toBeCloseTo(0.9, 12);
    expect(aptitudeFit(at(mixed), realistic)).toBeCloseTo(0.5, 12);
  });
});

describe('skills and reach', () => {
  it('jobs: the share of required skills the youth has; nothing required is a full match', () => {
    expect(jobSkillsOverlap(1, 4)).toBe(0.25);
    expect(jobSkillsOverlap(0, 0)).toBe(1);
  });

  it('trainings: only redundancy lowers the component, to 0.5 at most', () => {
    expect(trainingSkillsNovelty(0, 4)).toBe(1);
    expect(trainingSkillsNovelty(2, 4)).toBe(0.75);
    expect(trainingSkillsNovelty(4, 4)).toBe(0.5);
    expect(trainingSkillsNovelty(0, 0)).toBe(1);
  });

  it('reach decays from 1 at home to the floor at the limit, relocation is low, else unreachable', () => {
    expect(reachScore(0, 30, false, reach)).toBe(1);
    expect(reachScore(15, 30, false, reach)).toBeCloseTo(0.65, 12);
    expect(reachScore(30, 30, false, reach)).toBeCloseTo(0.3, 12);
    expect(reachScore(31, 30, false, reach)).toBeNull();
    expect(reachScore(31, 30, true, reach)).toBe(0.1);
    expect(reachScore(undefined, 30, true, reach)).toBe(0.1);
    expect(reachScore(0, 0, false, reach)).toBe(1);
  });

  it('top letters break ties in RIASEC order', () => {
    expect(topLetters([5, 5, 1, 5, 2, 5]).join('')).toBe('RIS');
  });
});

describe('a whole score, worked by hand', () => {
  it('adds the weighted components and reports each contribution', () => {
    const [result] = matchAll(
      [
        youth({
          interestProfile: [1, 0, 0, 0, 0, 0],
          hollandCode: 'RIA',
          aptitudes: {
            mechanical: { correct: 5, total: 20, percentile: 15, norm: 'default' },
            spatial: { correct: 15, total: 20, percentile: 55, norm: 'default' },
          },
          skills: ['las', 'bubut'],
        }),
      ],
      [
        job({
          riasec: [7, 1, 1, 1, 1, 1],
          jobZone: 2,
          skills: ['bubut', 'gerinda', 'las', 'k3'],
          district: '3323',
        }),
      ],
      options(),
    );
    const rec = result!.jobs[0]!;
    // interest 1 * 0.45; aptitude (0.5*0.15 + 0.5*0.55) * 0.20; skills 2/4 * 0.20; reach 15 road km of 30 -> 0.65 * 0.15
    expect(rec.components).toEqual({ interest: 0.45, aptitude: 0.07, skills: 0.1, reach: 0.0975 });
    expect(rec.score).toBe(0.7175);
    expect(rec.distanceKm).toBe(15);
    expect(rec.missingSkills).toEqual(['gerinda', 'k3']);
    expect(rec.aptitudeGaps).toEqual([{ subtest: 'mechanical', percentile: 15, expected: 35 }]);
    expect(rec.sharedHolland).toEqual(['R']);
  });

  it('is neutral on interest and says so when the youth has no usable profile or the occupation is unknown', () => {
    const [noProfile] = matchAll([youth({ interestProfile: null, hollandCode: null })], [job()], options());
    expect(noProfile!.jobs[0]!.components.interest).toBe(0.225);
    expect(noProfile!.jobs[0]!.flags).toContain('interest_neutral_no_profile');
    expect(noProfile!.flags).toContain('interest_profile_unusable');
    expect(noProfile!.jobs[0]!.explanation.en).toContain('interest counts as neutral');

    const [unknown] = matchAll([youth()], [job({ riasecSource: 'unknown' })], options());
    expect(unknown!.jobs[0]!.components.interest).toBe(0.225);
    expect(unknown!.jobs[0]!.flags).toContain('interest_neutral_unknown_occupation');
    expect(unknown!.jobs[0]!.explanation.id).toContain('belum diketahui');
  });
});
