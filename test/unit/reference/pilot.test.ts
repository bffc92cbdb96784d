import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { getDistrict } from '#core/reference/districts';
import {
  DEFAULT_PILOT_DISTRICTS,
  defaultProgrammeConfig,
  isPilotDistrict,
  parseProgrammeConfig,
} from '#core/reference/pilot';

describe('programme configuration', () => {
  it('defaults to SINERGI-2 in 11 known, distinct Central Java districts', () => {
    expect(defaultProgrammeConfig.programme).toBe('SINERGI-2');
    expect(defaultProgrammeConfig.pilotDistricts).toEqual([...DEFAULT_PILOT_DISTRICTS]);
    expect(defaultProgrammeConfig.pilotDistricts).toHaveLength(11);
    expect(new Set(defaultProgrammeConfig.pilotDistricts).size).toBe(11);
    for (const code of defaultProgrammeConfig.pilotDistricts) expect(getDistrict(code)).toBeDefined();
    for (const code of ['3374', '3329', '3302', '3301', '3305']) {
      expect(isPilotDistrict(defaultProgrammeConfig, code)).toBe(true);
    }
    expect(defaultProgrammeConfig.roadFactor).toBe(1.3);
  });

  it('accepts another district set and road factor', () => {
    const config = parseProgrammeConfig({
      programme: 'SINERGI-3',
      pilotDistricts: ['3319', '3320'],
      roadFactor: 1.4,
    });
    expect(config).toEqual({ programme: 'SINERGI-3', pilotDistricts: ['3319', '3320'], roadFactor: 1.4 });
    expect(isPilotDistrict(config, '3374')).toBe(false);
  });

  it('rejects unknown and repeated district codes, naming each', () => {
    try {
      parseProgrammeConfig({ pilotDistricts: ['3374', '3501', '3374', '33'] });
      expect.unreachable('unknown districts must be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      expect(issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
        'pilotDistricts.1: unknown Jawa Tengah district code "3501"',
        'pilotDistricts.2: district "3374" listed twice',
        'pilotDistricts.3: unknown Jawa Tengah district code "33"',
      ]);
    }
  });

  it('rejects an empty district list and a road factor below 1', () => {
    expect(() => parseProgrammeConfig({ pilotDistricts: [] })).toThrow(ValidationError);
    expect(() => parseProgrammeConfig({ roadFactor: 0.9 })).toThrow(/roadFactor/);
  });
});
