/**
 * The deployed stack has no development sign-in: the local token endpoint is served only by the
 * local stack's server (infra/local/web-site.ts), never by the HTTP API or the API function.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/api/routes/index';
import { LOCAL_TOKEN_PATH } from '#infra/web/policy';
import { type Synthesised, synthesise } from './synth.ts';

let synth: Synthesised;

beforeAll(() => {
  synth = synthesise();
});
afterAll(() => synth?.cleanup());

function routeKeys(template: Template): string[] {
  return Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
    (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
  );
}

describe('development sign-in is local only', () => {
  it('the HTTP API routes only /v1/: no token endpoint', () => {
    const keys = routeKeys(synth.stateless);
    expect(keys.filter((k) => !/^[A-Z]+ \/v1\//.test(k))).toEqual([]);
    expect(keys.filter((k) => /local|token/i.test(k))).toEqual([]);
    expect(LOCAL_TOKEN_PATH.startsWith('/v1/')).toBe(false);
  });

  it('the API function has no route that issues tokens', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(paths.some((p) => /token|local/i.test(p))).toBe(false);
  });
});
