import { describe, expect, it } from 'vitest';
import { readApiConfig } from '#functions/api/config';
import { deriveKey, KEY_LABELS, resolveApiKeys } from '#functions/api/keys';
import { ConfigError } from '#functions/shared/config';

const BASE = { TABLE_NAME: 't', UPLOADS_BUCKET: 'b', STAGE: 'dev' };
const NIK_KEY = 'n'.repeat(40);

describe('readApiConfig', () => {
  it('reads the shared settings and the API defaults', () => {
    const config = readApiConfig({ ...BASE, NIK_KEY_SECRET_ARN: 'arn:aws:secretsmanager:x' });
    expect(config).toMatchObject({
      tableName: 't',
      uploadsBucket: 'b',
      stage: 'dev',
      masterKey: { secretArn: 'arn:aws:secretsmanager:x' },
      uploadUrlTtlSeconds: 900,
      cursorMaxAgeMs: 86_400_000,
    });
    expect(config.cursorKeys).toBeUndefined();
  });

  it('fails fast naming the variable, never its value', () => {
    expect(() => readApiConfig(BASE)).toThrow(/CURSOR_KEY/);
    expect(() => readApiConfig({ ...BASE, NIK_KEY, NIK_KEY_SECRET_ARN: 'arn' })).toThrow(/NIK_KEY/);
    expect(() => readApiConfig({ ...BASE, NIK_KEY, UPLOAD_URL_TTL_SECONDS: '0' })).toThrow(ConfigError);
    try {
      readApiConfig({ ...BASE, NIK_KEY: 'short-secret-value' });
    } catch (error) {
      expect(String(error)).toMatch(/NIK_KEY/);
      expect(String(error)).not.toMatch(/short-secret-value/);
    }
  });

  it('takes configured keys, several cursor keys for rotation', () => {
    const a = Buffer.alloc(32, 1).toString('base64');
    const b = Buffer.alloc(32, 2).toString('hex');
    const config = readApiConfig({ ...BASE, CURSOR_KEY: `${a}, ${b}`, PSEUDONYM_KEY: 'p'.repeat(32) });
    const keys = resolveApiKeys({
      ...(config.cursorKeys && { cursorKeys: config.cursorKeys }),
      ...(config.pseudonymKey !== undefined && { pseudonymKey: config.pseudonymKey }),
    });
    expect(keys.cursorKeys.map((k) => k[0])).toEqual([1, 2]);
    expect(Buffer.from(keys.pseudonymKey).toString()).toBe('p'.repeat(32));
  });
});

describe('derived keys', () => {
  it('are stable, of the right size and different per purpose and per master key', () => {
    const keys = resolveApiKeys({ masterKey: NIK_KEY });
    expect(keys.cursorKeys[0]?.byteLength).toBe(32);
    expect(keys.pseudonymKey.byteLength).toBe(32);
    expect(Buffer.from(keys.cursorKeys[0]!)).not.toEqual(Buffer.from(keys.pseudonymKey));
    expect(resolveApiKeys({ masterKey: NIK_KEY })).toEqual(keys);
    expect(Buffer.from(deriveKey(`${NIK_KEY}x`, KEY_LABELS.cursor, 32))).not.toEqual(
      Buffer.from(keys.cursorKeys[0]!),
    );
  });

  it('need a master key when a key is not configured', () => {
    expect(() => resolveApiKeys({ cursorKeys: [Buffer.alloc(32).toString('hex')] })).toThrow(/PSEUDONYM_KEY/);
  });
});

describe('the referral directory (SERVICE_DIRECTORY)', () => {
  it('defaults to the shipped examples and reads a configured one', () => {
    expect(readApiConfig({ ...BASE, NIK_KEY }).services.services.every((s) => s.example)).toBe(true);
    const configured = {
      services: [
        {
          id: 'lbh-semarang',
          kind: 'legal_aid',
          name: 'LBH',
          districts: ['3374'],
          contact: 'x',
          example: false,
        },
      ],
    };
    const config = readApiConfig({ ...BASE, NIK_KEY, SERVICE_DIRECTORY: JSON.stringify(configured) });
    expect(config.services.services.map((s) => s.id)).toEqual(['lbh-semarang']);
  });

  it('fails fast, naming the variable, on bad JSON or a bad entry', () => {
    expect(() => readApiConfig({ ...BASE, NIK_KEY, SERVICE_DIRECTORY: '{nope' })).toThrow(
      /SERVICE_DIRECTORY/,
    );
    expect(() =>
      readApiConfig({ ...BASE, NIK_KEY, SERVICE_DIRECTORY: JSON.stringify({ services: [{ id: 'X' }] }) }),
    ).toThrow(/SERVICE_DIRECTORY: .*services\.0/);
  });
});
