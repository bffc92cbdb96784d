import { describe, expect, it } from 'vitest';
import { matchAll } from '#core/matching/index';
import { CONFIG, job, options, training, youth } from './fixtures.ts';

// Youth and job share the same interest shape, so interest congruence is 1.
const welderYouth = youth({ interestProfile: [1, 0, 0, 0, 0, 0], hollandCode: 'RIA', skills: ['k3'] });
const welderJob = job({
  id: 'V-las',
  title: 'Tukang Las',
  riasec: [7, 1, 1, 1, 1, 1],
  occupationCodes: ['7212'],
  skills: ['las', 'gerinda', 'k3', 'baca-gambar'],
});

describe('pathways', () => {
  it('for a wanted job lacking skills, lists feasible trainings that teach the missing ones, most gaps closed first', () => {
    const [result] = matchAll(
      [welderYouth],
      [
        welderJob,
        training({ id: 'T-one', skills: ['las'] }),
        training({ id: 'T-two', skills: ['las', 'gerinda'] }),
        training({ id: 'T-far', skills: ['las', 'gerinda', 'baca-gambar'], district: '3301' }),
        training({ id: 'T-other', skills: ['jahit'] }),
      ],
      options(),
    );
    expect(result!.jobs.map((j) => j.opportunityId)).toEqual(['V-las']);
    const [pathway] = result!.pathways;
    expect(pathway).toMatchObject({ jobId: 'V-las', gaps: ['skills'], interestCongruence: 1 });
    expect(pathway!.missingSkills).toEqual(['las', 'gerinda', 'baca-gambar']);
    expect(pathway!.trainings.map((t) => [t.opportunityId, t.closesSkills])).toEqual([
      ['T-two', ['las', 'gerinda']],
      ['T-one', ['las']],
    ]);
    expect(pathway!.explanation.en).toContain('you have 1 of 4 required skills');
    expect(pathway!.explanation.id).toContain('Pelatihan yang dapat menutup kesenjangan');
  });

  it('for an education gap, lists certified trainings towards the occupation for the counsellor to confirm', () => {
    const [result] = matchAll(
      [youth({ ...welderYouth, education: 'SMP', skills: ['las', 'gerinda', 'k3', 'baca-gambar'] })],
      [
        { ...welderJob, minEducation: 'SMK' },
        training({ id: 'T-cert', occupationCodes: ['7212'], certified: true, skills: [] }),
        training({ id: 'T-uncert', occupationCodes: ['7212'], certified: false, skills: [] }),
        training({ id: 'T-else', occupationCodes: ['4110'], certified: true, skills: [] }),
      ],
      options(),
    );
    expect(result!.jobs).toEqual([]);
    const [pathway] = result!.pathways;
    expect(pathway!.gaps).toEqual(['education']);
    expect(pathway!.requiredEducation).toBe('SMK');
    expect(pathway!.trainings.map((t) => [t.opportunityId, t.closesEducation])).toEqual([['T-cert', true]]);
    expect(pathway!.explanation.en).toContain('counsellor to confirm with the employer');
    expect(pathway!.explanation.id).toContain('konselor perlu memastikan dengan pemberi kerja');
  });

  it('lists no pathway when another constraint fails, interest is low, or no training closes the gap', () => {
    const trainings = [training({ id: 'T-las', skills: ['las', 'gerinda'] })];
    const run = (y = welderYouth, j = welderJob) => matchAll([y], [j, ...trainings], options())[0]!.pathways;
    expect(run()).toHaveLength(1);
    expect(run(youth({ ...welderYouth, interestProfile: [0, 1, 1, 1, 1, 1] }))).toEqual([]);
    expect(run(welderYouth, { ...welderJob, district: '3301' })).toEqual([]);
    expect(run(welderYouth, { ...welderJob, skills: ['k3'] })).toEqual([]);
    expect(run(welderYouth, { ...welderJob, skills: ['jahit', 'kasir'] })).toEqual([]);
  });

  it('never offers a training the youth cannot take, and keeps at most the configured number', () => {
    const many = ['A', 'B', 'C', 'D', 'E'].map((s) => training({ id: `T-${s}`, skills: ['las'] }));
    const blocked = training({ id: 'T-0-closed', skills: ['las', 'gerinda', 'baca-gambar'], capacity: 0 });
    const [result] = matchAll([welderYouth], [welderJob, blocked, ...many], options());
    const listed = result!.pathways[0]!.trainings.map((t) => t.opportunityId);
    expect(listed).toHaveLength(CONFIG.pathways.maxTrainings);
    expect(listed).not.toContain('T-0-closed');
  });
});
