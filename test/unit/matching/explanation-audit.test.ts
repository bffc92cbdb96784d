import { describe, expect, it } from 'vitest';
import { fairnessAudit, matchAll } from '#core/matching/index';
import { job, options, training, youth } from './fixtures.ts';

describe('explanations', () => {
  it('name the Holland code, shared letters, missing skills, distance and contributions in both languages', () => {
    const [result] = matchAll(
      [youth({ interestProfile: [0.2, 0.1, 0.1, 1, 0.8, 0.6], hollandCode: 'SEC', skills: ['kasir'] })],
      [
        job({
          riasec: [1, 1, 1, 7, 6, 5],
          skills: ['kasir', 'excel'],
          district: '3323',
          genderRequirement: 'female',
        }),
      ],
      {
        ...options(),
        skillLabel: (id, lang) =>
          id === 'excel' ? (lang === 'id' ? 'mengolah lembar kerja' : 'spreadsheets') : id,
      },
    );
    const { id, en } = result!.jobs[0]!.explanation;
    expect(id).toContain('Minat Anda (SEC) sangat sejalan dengan pekerjaan ini (S, E, C sama).');
    expect(en).toContain('Your interests (SEC) strongly match this job (S, E, C in common).');
    expect(id).toContain(
      'Anda memiliki 1 dari 2 keterampilan yang dibutuhkan; belum: mengolah lembar kerja.',
    );
    expect(en).toContain('You have 1 of 2 required skills; missing: spreadsheets.');
    expect(en).toContain('About 15 km from your district (limit 30 km).');
    expect(id).toMatch(/Skor 0,\d\d \(minat 0,4\d, bakat 0,10, keterampilan 0,10, jangkauan 0,10\)/);
    expect(en).toContain('flagged for programme review');
  });

  it('describe a training by the new skills it teaches', () => {
    const [result] = matchAll(
      [youth({ skills: ['las'] })],
      [training({ skills: ['las', 'gerinda'] })],
      options(),
    );
    expect(result!.trainings[0]!.explanation.en).toContain('Teaches 1 skills new to you: gerinda.');
    expect(result!.trainings[0]!.explanation.id).toContain('pelatihan ini');
    expect(result!.trainings[0]!.components.skills).toBe(0.15);
  });
});

describe('fairness audit', () => {
  it('reports each group and lists vacancies with a gender requirement for review', () => {
    const people = [
      youth({ youthId: 'a', gender: 'F', welfareDecile: 1 }),
      youth({ youthId: 'b', gender: 'M', welfareDecile: 1, disability: { seeing: 3 } }),
      youth({ youthId: 'c', gender: 'F', welfareDecile: 2, district: '3322' }),
    ];
    const opportunities = [
      job({ id: 'V1', genderRequirement: 'male', notAccessibleFor: ['seeing'] }),
      job({ id: 'V2', district: '3322', skills: ['las'], notAccessibleFor: ['seeing'] }),
      job({ id: 'V3', genderRequirement: 'female', capacity: 0 }),
      training(),
    ];
    const results = matchAll(people, opportunities, options());
    const audit = fairnessAudit(people, results, opportunities);
    expect(audit.youthCount).toBe(3);
    const group = (name: string, value: string) =>
      audit.groups.find((g) => g.group === name && g.value === value);
    expect(group('gender', 'F')).toMatchObject({ count: 2, shareWithJob: 1, meanJobs: 2 });
    expect(group('disability', 'yes')).toMatchObject({
      count: 1,
      shareWithJob: 0,
      meanTopJobScore: null,
      meanJobs: 0,
    });
    expect(group('welfare_decile', '1')!.count).toBe(2);
    expect(group('district', '3322')!.count).toBe(1);
    expect(audit.genderRequirementReview.map((v) => [v.opportunityId, v.genderRequirement])).toEqual([
      ['V1', 'male'],
      ['V3', 'female'],
    ]);
    expect(fairnessAudit(people, results).genderRequirementReview.map((v) => v.opportunityId)).toEqual([
      'V1',
    ]);
  });
});
