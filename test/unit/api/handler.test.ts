/** The handler with in-memory fakes: what reaches the log, and what a failure shows the caller. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '#core/access/principal';
import type { OutcomeRecord, StoredYouth } from '#core/ports';
import { makeApiHandler } from '#functions/api/app';
import type { ApiDeps } from '#functions/api/route';
import { buildEvent } from '#infra/local/api-server';
import { storedYouth } from '../../integration/api/fixtures.ts';
import { claimsOf } from '../../integration/api/harness.ts';

const COUNSELLOR: Principal = { subject: 'c-1', role: 'counsellor', districts: ['3374'] };
const CONTEXT = { awsRequestId: 'lambda-1', functionName: 'api' } as Context;

function fakeDeps(overrides: Partial<ApiDeps> = {}) {
  const youth = new Map<string, StoredYouth>([['Y-1', storedYouth('Y-1', '3374')]]);
  const outcomes: OutcomeRecord[] = [];
  const deps = {
    youth: { get: async (id: string) => youth.get(id) },
    opportunities: { get: async () => undefined },
    outcomes: { append: async (o: OutcomeRecord) => void outcomes.push(o) },
    stats: { countOutcome: async () => undefined, flagForReview: async () => undefined },
    logger: new Logger({ serviceName: 'sinergi-api', logLevel: 'INFO' }),
    now: () => Date.parse('2026-11-20T03:00:00Z'),
    newId: () => 'o-1',
    serviceName: 'sinergi-api',
    stage: 'test',
    ...overrides,
  } as unknown as ApiDeps;
  return { deps, outcomes };
}

function event(method: string, path: string, body?: unknown) {
  return buildEvent({
    request: {
      method,
      rawPath: path,
      rawQueryString: '',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-value' },
      cookies: [],
      body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
      sourceIp: '127.0.0.1',
    },
    routeKey: 'ANY /v1/{proxy+}',
    claims: claimsOf(COUNSELLOR),
    now: 0,
    requestId: 'req-1',
  });
}

function captureLogs(): () => string {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
  return () => lines.join('');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('makeApiHandler', () => {
  it('records an outcome with the caller as actor and logs the route, never the request', async () => {
    const { deps, outcomes } = fakeDeps();
    const logs = captureLogs();
    const handler = makeApiHandler(deps);
    const note = 'Pemuda dengan NIK 3374010101010001 tidak hadir';
    const response = await handler(
      event('POST', '/v1/youth/Y-1/outcomes', { type: 'declined', note }),
      CONTEXT,
    );
    vi.restoreAllMocks();
    expect(response.statusCode).toBe(201);
    expect(outcomes).toEqual([
      {
        outcomeId: 'o-1',
        youthId: 'Y-1',
        type: 'declined',
        at: '2026-11-20T03:00:00.000Z',
        actor: { role: 'counsellor', id: 'c-1' },
        note,
      },
    ]);
    const logged = logs();
    expect(logged).toContain('"route":"POST /v1/youth/{youthId}/outcomes"');
    expect(logged).toContain('"status":201');
    expect(logged).toContain('"role":"counsellor"');
    for (const secret of ['3374010101010001', 'Pemuda', 'Y-1', 'secret-token-value', 'declined']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('turns an unexpected failure into a 500 that shows nothing of it, and logs only its class', async () => {
    const failure = new Error('ValidationException: key YOUTH#Y-1 on table sinergi-prod');
    const { deps } = fakeDeps({
      youth: { get: async () => Promise.reject(failure) } as unknown as ApiDeps['youth'],
    });
    const logs = captureLogs();
    const response = await makeApiHandler(deps)(event('GET', '/v1/youth/Y-1'), CONTEXT);
    vi.restoreAllMocks();
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: 'internal_error',
      message: expect.any(String),
      requestId: 'req-1',
    });
    expect(response.body).not.toMatch(/sinergi-prod|YOUTH#|ValidationException|at /);
    const logged = logs();
    expect(logged).toContain('"errorName":"Error"');
    expect(logged).not.toContain('sinergi-prod');
    expect(logged).not.toContain('"stack"');
  });

  it('checks the role before reading anything, so a refused role cannot probe ids', async () => {
    const get = vi.fn(async () => undefined);
    const { deps } = fakeDeps({ youth: { get } as unknown as ApiDeps['youth'] });
    const employerEvent = event('GET', '/v1/youth/Y-1');
    employerEvent.requestContext.authorizer.jwt.claims = claimsOf({
      subject: 'e',
      role: 'employer',
      districts: [],
      employerId: 'E1',
    });
    const response = await makeApiHandler(deps)(employerEvent, CONTEXT);
    expect(response.statusCode).toBe(403);
    expect(get).not.toHaveBeenCalled();
  });
});
