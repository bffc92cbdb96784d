/**
 * The pipeline stores recommendation sets as facts; the API writes the explanations when a
 * counsellor reads them. What a counsellor reads must be what the matcher itself would have said.
 */
import { describe, expect, it } from 'vitest';
import { matchAll, matchFactsInBlocks } from '#core/matching/match';
import type { YouthRecommendationFacts } from '#core/matching/types';
import type { StoredOpportunity } from '#core/ports';
import { createSkillVocabulary } from '#core/skills/vocabulary';
import { createMatchingSetup } from '#core/usecases/setup';
import { AS_OF, SEMARANG, storedTraining, storedVacancy, youthProfile } from './fixtures.ts';
import { useApiStack } from './harness.ts';

const api = useApiStack();

describe('explanations written on read', () => {
  const skills = createSkillVocabulary();
  const setup = createMatchingSetup();
  const options = {
    asOf: AS_OF,
    config: setup.config,
    distance: setup.distance,
    skillLabel: (id: string, lang: 'id' | 'en') => skills.label(id, lang),
  };
  // Y-S1 (SMK) has sewing but none of the skills asked for: V-1 is open to them, V-2 asks for a
  // diploma, and T-1 teaches overlock, so the set holds a job, a training and two pathways.
  const youth = youthProfile('Y-S1', SEMARANG, ['sewing']);
  const reshaped = (o: StoredOpportunity, skills: string[], minEducation = o.profile.minEducation) => ({
    ...o.profile,
    skills,
    minEducation,
  });
  const opportunities = [
    reshaped(storedVacancy('V-1', 'E1', SEMARANG), ['overlock', 'pattern_making']),
    reshaped(storedVacancy('V-2', 'E2', SEMARANG), ['overlock', 'garment_cutting'], 'D3'),
    reshaped(storedTraining('T-1', 'P1', SEMARANG), ['overlock']),
  ];

  it("answers with the matcher's own text, in the language asked for, from a set stored without it", async () => {
    const facts = [...matchFactsInBlocks([youth], opportunities, options)].flat();
    const [said] = matchAll([youth], opportunities, options);
    expect([said!.jobs.length, said!.trainings.length, said!.pathways.length]).toEqual([1, 1, 2]);
    await api().deps.recommendations.writeSets(facts);

    const stored = await api().deps.recommendations.get('Y-S1');
    expect(JSON.stringify(stored?.set)).not.toContain('explanation');

    for (const lang of ['id', 'en'] as const) {
      const response = await api().call('counsellor', 'GET', `/v1/youth/Y-S1/recommendations?lang=${lang}`);
      expect(response.status).toBe(200);
      const body = response.body as {
        jobs: { explanation: string }[];
        trainings: { explanation: string }[];
        pathways: { explanation: string }[];
      };
      expect(body.jobs.map((r) => r.explanation)).toEqual(said!.jobs.map((r) => r.explanation[lang]));
      expect(body.trainings.map((r) => r.explanation)).toEqual(
        said!.trainings.map((r) => r.explanation[lang]),
      );
      expect(body.pathways.map((p) => p.explanation)).toEqual(said!.pathways.map((p) => p.explanation[lang]));
    }
    const en = await api().call('counsellor', 'GET', '/v1/youth/Y-S1/recommendations?lang=en');
    // Skill names, not ids: the API has the vocabulary the matcher had.
    expect(JSON.stringify(en.body)).toContain(skills.label('overlock', 'en'));
  });

  it('returns a set stored with its text before explanations were written on read as it was stored', async () => {
    const [said] = matchAll([youth], opportunities, options);
    const legacy = {
      ...said!,
      jobs: said!.jobs.map(({ basis: _basis, ...r }) => ({ ...r, explanation: { id: 'lama', en: 'old' } })),
      pathways: said!.pathways.map(({ basis: _basis, ...p }) => ({
        ...p,
        explanation: { id: 'lama', en: 'old' },
      })),
    };
    await api().deps.recommendations.writeSets([legacy as unknown as YouthRecommendationFacts]);
    const response = await api().call('counsellor', 'GET', '/v1/youth/Y-S1/recommendations?lang=en');
    expect(response.status).toBe(200);
    const body = response.body as { jobs: { explanation: string }[]; pathways: { explanation: string }[] };
    expect(body.jobs.length).toBeGreaterThan(0);
    expect(body.pathways.length).toBeGreaterThan(0);
    expect(body.jobs.every((r) => r.explanation === 'old')).toBe(true);
    expect(body.pathways.every((p) => p.explanation === 'old')).toBe(true);
  });
});
