import { describe, expect, it } from 'vitest';
import type { EducationLevel } from '#core/domain/education';
import { matchAll, topCandidates } from '#core/matching/index';
import { AS_OF, job, options, training, youth } from './fixtures.ts';

function jobsFor(y = youth(), opportunity = job(), asOf = AS_OF) {
  return matchAll([y], [opportunity], options({ asOf }))[0]!.jobs;
}

describe('hard constraints at their boundaries', () => {
  it('age: a youth turns max_age on the birthday and is still eligible; a day later of min_age too', () => {
    // Born 2001-11-15: 25 on 2026-11-15, 24 the day before.
    const y = youth({ birthDate: '2001-11-15' });
    expect(jobsFor(y, job({ minAge: 25 }), '2026-11-15')).toHaveLength(1);
    expect(jobsFor(y, job({ minAge: 25 }), '2026-11-14')).toHaveLength(0);
    expect(jobsFor(y, job({ maxAge: 24 }), '2026-11-14')).toHaveLength(1);
    expect(jobsFor(y, job({ maxAge: 24 }), '2026-11-15')).toHaveLength(0);
  });

  it('age: a youth born on 29 February has the birthday on 1 March in common years', () => {
    const y = youth({ birthDate: '2004-02-29' });
    expect(jobsFor(y, job({ minAge: 23, deadline: '2027-12-31' }), '2027-02-28')).toHaveLength(0);
    expect(jobsFor(y, job({ minAge: 22, deadline: '2027-12-31' }), '2027-02-28')).toHaveLength(1);
    expect(jobsFor(y, job({ minAge: 23, deadline: '2027-12-31' }), '2027-03-01')).toHaveLength(1);
  });

  it.each<[EducationLevel, EducationLevel, number]>([
    ['SMK', 'SMA', 1],
    ['SMA', 'SMK', 1],
    ['SMP', 'SMA', 0],
    ['D4', 'S1', 1],
    ['S1', 'D4', 1],
    ['D3', 'S1', 0],
    ['S2', 'S1', 1],
  ])('education: %s meets a minimum of %s -> %i', (has, required, expected) => {
    expect(jobsFor(youth({ education: has }), job({ minEducation: required }))).toHaveLength(expected);
  });

  it('reach: a commute of exactly the limit is in reach; beyond it only for a youth willing to relocate', () => {
    // 3374 -> 3322 is 20 km straight, 30 km by road (factor 1.5); the limit is 30 km.
    const exact = jobsFor(youth({ preferences: { maxCommuteKm: 30 } }), job({ district: '3322' }));
    expect(exact).toHaveLength(1);
    expect(exact[0]!.distanceKm).toBe(30);
    expect(exact[0]!.components.reach).toBeCloseTo(0.15 * 0.3, 10);
    expect(jobsFor(youth({ preferences: { maxCommuteKm: 29.9 } }), job({ district: '3322' }))).toHaveLength(
      0,
    );
    const relocating = jobsFor(
      youth({ preferences: { maxCommuteKm: 29.9, willingToRelocate: true } }),
      job({ district: '3322' }),
    );
    expect(relocating).toHaveLength(1);
    expect(relocating[0]!.flags).toContain('relocation_required');
    expect(relocating[0]!.components.reach).toBeCloseTo(0.15 * 0.1, 10);
  });

  it('reach: the default maximum commute applies when the youth gave none', () => {
    expect(jobsFor(youth(), job({ district: '3322' }))).toHaveLength(1);
    expect(jobsFor(youth(), job({ district: '3321' }))).toHaveLength(0);
  });

  it('reach: an unknown distance is out of commuting reach', () => {
    expect(jobsFor(youth(), job({ district: '3399' }))).toHaveLength(0);
    const moving = jobsFor(youth({ preferences: { willingToRelocate: true } }), job({ district: '3399' }));
    expect(moving[0]!.distanceKm).toBeNull();
    expect(moving[0]!.flags).toEqual(expect.arrayContaining(['relocation_required', 'distance_unknown']));
  });

  it('disability: difficulty 2 needs nothing; a need stated not accessible excludes, an unknown one does not', () => {
    expect(jobsFor(youth({ disability: { walking: 2 } }), job())[0]!.flags).not.toContain(
      'accessibility_unconfirmed',
    );
    expect(jobsFor(youth({ disability: { walking: 3 } }), job())[0]!.flags).toContain(
      'accessibility_unconfirmed',
    );
    expect(
      jobsFor(youth({ disability: { walking: 4 } }), job({ notAccessibleFor: ['walking'] })),
    ).toHaveLength(0);
    expect(
      jobsFor(youth({ disability: { walking: 3, hearing: 3 } }), job({ accessibleFor: ['walking'] }))[0]!
        .flags,
    ).toContain('accessibility_unconfirmed');
    expect(
      jobsFor(
        youth({ disability: { walking: 3, hearing: 3 } }),
        job({ accessibleFor: ['hearing', 'walking'] }),
      )[0]!.flags,
    ).toContain('accessibility_stated');
  });

  it('deadline: open on the closing date itself, closed the day after', () => {
    expect(jobsFor(youth(), job({ deadline: '2026-11-15' }), '2026-11-15')).toHaveLength(1);
    expect(jobsFor(youth(), job({ deadline: '2026-11-15' }), '2026-11-16')).toHaveLength(0);
  });

  it('capacity: no openings means no recommendation', () => {
    expect(jobsFor(youth(), job({ capacity: 0 }))).toHaveLength(0);
    expect(jobsFor(youth(), job({ capacity: 1 }))).toHaveLength(1);
  });

  it('trainings obey the same constraints (start date as deadline, seats as capacity)', () => {
    const run = (t = training()) => matchAll([youth()], [t], options())[0]!.trainings;
    expect(run()).toHaveLength(1);
    expect(run(training({ capacity: 0 }))).toHaveLength(0);
    expect(run(training({ deadline: '2026-11-14' }))).toHaveLength(0);
    expect(run(training({ minEducation: 'D1' }))).toHaveLength(0);
  });

  it('a gender requirement is flagged for review and excludes nobody', () => {
    for (const gender of ['F', 'M'] as const) {
      for (const requirement of ['male', 'female'] as const) {
        const jobs = jobsFor(youth({ gender }), job({ genderRequirement: requirement }));
        expect(jobs).toHaveLength(1);
        expect(jobs[0]!.flags).toContain('gender_requirement_review');
      }
    }
    expect(jobsFor(youth(), job({ genderRequirement: 'any' }))[0]!.flags).not.toContain(
      'gender_requirement_review',
    );
  });

  it('the reverse query applies the same constraints', () => {
    const candidates = topCandidates(
      job({ minAge: 25, minEducation: 'SMK', notAccessibleFor: ['seeing'] }),
      [
        youth({ youthId: 'old-enough', birthDate: '2001-11-15', education: 'SMA' }),
        youth({ youthId: 'too-young', birthDate: '2001-11-16', education: 'SMA' }),
        youth({ youthId: 'school', birthDate: '1995-01-01', education: 'SMP' }),
        youth({ youthId: 'needs-access', birthDate: '1995-01-01', disability: { seeing: 3 } }),
      ],
      options(),
    );
    expect(candidates.map((c) => c.youthId)).toEqual(['old-enough']);
  });
});
