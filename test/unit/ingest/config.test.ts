import { describe, expect, it } from 'vitest';
import { ConfigError, readIngestConfig, readRematchConfig } from '#functions/shared/config';
import { programmeDate, programmeDateOf } from '#functions/shared/programme-date';

const base = { TABLE_NAME: 't', UPLOADS_BUCKET: 'b', STAGE: 'dev' };

describe('function configuration', () => {
  it('fails fast naming the missing variable, never echoing a value', () => {
    expect(() => readIngestConfig({ ...base, TABLE_NAME: undefined, NIK_KEY: 'k'.repeat(32) })).toThrow(
      /TABLE_NAME/,
    );
    expect(() => readIngestConfig(base)).toThrow(/NIK_KEY_SECRET_ARN/);
    const short = 'short-secret-key';
    const error = (() => {
      try {
        readIngestConfig({ ...base, NIK_KEY: short });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/NIK_KEY/);
    expect(error?.message).not.toContain(short);
    expect(() => readRematchConfig({ ...base, PILOT_DISTRICTS: '3374,9999' })).toThrow(/PILOT_DISTRICTS/);
  });

  it('reads the secret ARN on AWS, defaults the tunables and the pilot districts', () => {
    const config = readIngestConfig({ ...base, NIK_KEY_SECRET_ARN: 'arn:aws:secretsmanager:x' });
    expect(config.nikKey).toEqual({ secretArn: 'arn:aws:secretsmanager:x' });
    expect(config.maxUploadBytes).toBe(60 * 1024 * 1024);
    expect(config.pilotDistricts).toHaveLength(11);
    expect(readRematchConfig({ ...base, PILOT_DISTRICTS: '3374, 3372' }).pilotDistricts).toEqual([
      '3374',
      '3372',
    ]);
  });

  it('dates the programme in WIB: the 01:00 WIB schedule fires at 18:00 UTC the day before', () => {
    expect(programmeDateOf('2026-11-27T18:00:00Z')).toBe('2026-11-28');
    expect(programmeDateOf('2026-11-28')).toBe('2026-11-28');
    expect(programmeDate(Date.parse('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
    expect(() => programmeDateOf('kemarin')).toThrow(RangeError);
  });
});
