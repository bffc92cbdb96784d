import { describe, expect, it } from 'vitest';
import { buildEvent, eventHeaders, queryParameters, requestTime } from '#infra/local/api-server';

describe('the local API Gateway event', () => {
  it('lower-cases header names, joins repeated values with commas and takes cookies apart', () => {
    expect(
      eventHeaders([
        'Host',
        'x',
        'X-Trace',
        'a',
        'x-trace',
        'b',
        'Cookie',
        'a=1; b=2',
        'Authorization',
        'Bearer t',
      ]),
    ).toEqual({
      headers: { host: 'x', 'x-trace': 'a,b', authorization: 'Bearer t' },
      cookies: ['a=1', 'b=2'],
    });
  });

  it('decodes query parameters and joins repeated ones', () => {
    expect(queryParameters('district=3374&district=3322&q=a%20b&lang=en')).toEqual({
      district: '3374,3322',
      q: 'a b',
      lang: 'en',
    });
    expect(queryParameters('')).toBeUndefined();
  });

  it('writes the request time as API Gateway does', () => {
    expect(requestTime(Date.parse('2026-03-02T19:03:58.123Z'))).toBe('02/Mar/2026:19:03:58 +0000');
  });

  it('builds a payload 2.0 event with the proxy parameter, claims and body flag', () => {
    const event = buildEvent({
      request: {
        method: 'POST',
        rawPath: '/v1/youth/Y%201/outcomes',
        rawQueryString: 'x=1',
        headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
        cookies: [],
        body: Buffer.from('{"type":"contacted"}'),
        sourceIp: '127.0.0.1',
      },
      routeKey: 'ANY /v1/{proxy+}',
      claims: { sub: 'c1', 'cognito:groups': '[counsellor]' },
      now: 1_700_000_000_000,
      requestId: 'r1',
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'ANY /v1/{proxy+}',
      rawPath: '/v1/youth/Y%201/outcomes',
      rawQueryString: 'x=1',
      queryStringParameters: { x: '1' },
      pathParameters: { proxy: 'youth/Y 1/outcomes' },
      body: '{"type":"contacted"}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/v1/youth/Y%201/outcomes', sourceIp: '127.0.0.1' },
        requestId: 'r1',
        routeKey: 'ANY /v1/{proxy+}',
        stage: '$default',
        timeEpoch: 1_700_000_000_000,
        authorizer: { jwt: { claims: { sub: 'c1', 'cognito:groups': '[counsellor]' }, scopes: null } },
      },
    });
    const binary = buildEvent({
      request: {
        method: 'PUT',
        rawPath: '/v1/x',
        rawQueryString: '',
        headers: {},
        cookies: [],
        body: Buffer.from([0, 1, 2]),
        sourceIp: '::1',
      },
      routeKey: 'ANY /v1/{proxy+}',
      now: 0,
      requestId: 'r2',
    });
    expect(binary).toMatchObject({ body: 'AAEC', isBase64Encoded: true });
    expect(binary.requestContext.authorizer).toBeUndefined();
    expect(binary).not.toHaveProperty('queryStringParameters');
  });
});
