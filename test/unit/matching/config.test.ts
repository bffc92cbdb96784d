import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { DEFAULT_MATCH_CONFIG, parseMatchConfig } from '#core/matching/index';

describe('match configuration', () => {
  it('fills every omitted field with its documented default', () => {
    const config = parseMatchConfig({ version: 'match-v2' });
    expect(config).toEqual(DEFAULT_MATCH_CONFIG);
    expect(config.weights).toEqual({ interest: 0.45, aptitude: 0.2, skills: 0.2, reach: 0.15 });
    expect(config.expectedPercentileByJobZone).toEqual({ 1: 20, 2: 35, 3: 50, 4: 65, 5: 80 });
    expect(config.topJobs).toBe(10);
    expect(config.topTrainings).toBe(5);
  });

  it('keeps the defaults of a section when only one of its fields is given', () => {
    const config = parseMatchConfig({ version: 'match-v2', reach: { roadFactor: 1.5 } });
    expect(config.reach).toEqual({ ...DEFAULT_MATCH_CONFIG.reach, roadFactor: 1.5 });
  });

  it('rejects weights that do not sum to 1, naming the field', () => {
    const attempt = () =>
      parseMatchConfig({
        version: 'match-v2',
        weights: { interest: 0.5, aptitude: 0.2, skills: 0.2, reach: 0.2 },
      });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/weights: weights must sum to 1/);
  });

  it('rejects an unknown version and out-of-range values with every issue listed', () => {
    try {
      parseMatchConfig({ version: 'match-v0', topJobs: -1, aptitudeRelevance: { R: ['juggling'] } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).issues.map((i) => i.field);
      expect(fields).toEqual(expect.arrayContaining(['version', 'topJobs', 'aptitudeRelevance.R.0']));
    }
  });
});
