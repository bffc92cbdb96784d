import { describe, expect, it } from 'vitest';
import { ConfigError, readDeploymentConfig } from '#infra/stacks/config';

function fromContext(context: Record<string, unknown>) {
  return readDeploymentConfig({ tryGetContext: (key: string) => context[key] });
}

describe('readDeploymentConfig', () => {
  it('defaults to the dev stage, INFO logs, a local web app origin and threat protection on', () => {
    expect(fromContext({})).toEqual({
      stage: 'dev',
      logLevel: 'INFO',
      corsOrigin: 'http://localhost:5173',
      cognitoThreatProtection: true,
    });
  });

  it('reads -c values, which arrive as strings', () => {
    expect(
      fromContext({
        stage: 'prod',
        logLevel: 'warn',
        corsOrigin: 'https://sinergi.example.id',
        alarmEmail: 'ops@example.id',
        cognitoThreatProtection: 'false',
      }),
    ).toEqual({
      stage: 'prod',
      logLevel: 'WARN',
      corsOrigin: 'https://sinergi.example.id',
      alarmEmail: 'ops@example.id',
      cognitoThreatProtection: false,
    });
  });

  it.each([
    [{ stage: 'Prod' }, /stage/],
    [{ stage: 'a' }, /stage/],
    [{ stage: 'prod' }, /corsOrigin.*required/],
    [{ stage: 'prod', corsOrigin: 'http://sinergi.example.id' }, /https/],
    [{ corsOrigin: 'https://sinergi.example.id/app' }, /origin/],
    [{ corsOrigin: '*' }, /origin/],
    [{ logLevel: 'TRACE' }, /logLevel/],
    [{ alarmEmail: 'ops' }, /alarmEmail/],
    [{ cognitoThreatProtection: 'yes' }, /cognitoThreatProtection/],
    [{ stage: 42 }, /stage.*string/],
  ])('rejects %o naming the setting', (context, message) => {
    expect(() => fromContext(context)).toThrow(ConfigError);
    expect(() => fromContext(context)).toThrow(message);
  });
});
