/**
 * The HTTP API Lambda as a factory (API Gateway HTTP API, payload format 2.0). Each request goes:
 * route lookup -> identity from the authorizer's claims (401) -> may this role call the route at
 * all (403, before any record is read, so a refused role learns nothing about ids) -> validation of
 * path, query and body (400) -> the route, which loads the record and authorizes on it (404 when
 * out of scope). Errors become responses in one place (`errorResponse`), registered last.
 *
 * Logs carry the route, status, role, caller subject and duration; never a path, query, body,
 * header or token, since those hold youth ids, notes and credentials.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { z } from 'zod';
import { ForbiddenError } from '#core/access/errors';
import { rolesFor } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import type { Invitation } from '#core/assessment/invitation';
import { NotFoundError, ValidationError } from '#core/domain/errors';
import { openInvitation } from '#core/usecases/assessment';
import { errorKeys } from '#functions/shared/logger';
import { principalFromEvent } from './auth/claims.ts';
import { errorMapping, errorResponse, file, json, MethodNotAllowedError } from './http.ts';
import { type AnyRoute, API_PREFIX, type ApiDeps, INVITATION_CODE_HEADER } from './route.ts';
import { Router } from './router.ts';
import { ROUTES } from './routes/index.ts';
import { assertJsonContentType, parseWith, readJsonBody } from './validation.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;
export type ApiHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

/** What the access log line says about a request; filled in as the request is understood. */
interface RequestFacts {
  route: string;
  role?: string;
  subject?: string;
  started: number;
}

export function buildRouter(routes: readonly AnyRoute[] = ROUTES): Router<AnyRoute> {
  const router = new Router<AnyRoute>();
  for (const route of routes) router.add(route.method, API_PREFIX + route.path, route);
  return router;
}

function requestIdOf(event: ApiEvent, context: Context | undefined): string {
  return event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
}

function headerOf(event: ApiEvent, name: string): string | undefined {
  const headers = event.headers ?? {};
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function authorizeRole(route: AnyRoute, principal: Principal): void {
  if (route.access === 'none' || route.access === 'authenticated' || route.access === 'invitation') return;
  if (!rolesFor(route.access).includes(principal.role)) {
    throw new ForbiddenError(`a ${principal.role} may not ${route.access}`);
  }
}

/** The headers a route's schema names, under the schema's spelling. */
function namedHeaders(schema: z.ZodObject, event: ApiEvent): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, headerOf(event, name.toLowerCase())]),
  );
}

function bodyOf(route: AnyRoute, event: ApiEvent): unknown {
  if (!route.body) return undefined;
  assertJsonContentType(headerOf(event, 'content-type'));
  return readJsonBody(event.body, event.isBase64Encoded ?? false);
}

async function dispatch(
  router: Router<AnyRoute>,
  deps: ApiDeps,
  event: ApiEvent,
  requestId: string,
  facts: RequestFacts,
): Promise<ApiResult> {
  const method = (event.requestContext?.http?.method ?? '').toUpperCase();
  const path = event.rawPath ?? event.requestContext?.http?.path ?? '';
  const found = router.find(method, path);
  if (found.kind === 'not_found') throw new NotFoundError('no such route');
  if (found.kind === 'method_not_allowed') throw new MethodNotAllowedError(found.allowed);
  const { route } = found;
  facts.route = `${route.method} ${API_PREFIX}${route.path}`;
  let principal: Principal | undefined;
  let invitation: Invitation | undefined;
  if (route.access === 'invitation') {
    const code = headerOf(event, INVITATION_CODE_HEADER);
    if (code === undefined || code.trim() === '') {
      throw new ValidationError([{ field: INVITATION_CODE_HEADER, reason: 'Kode undangan belum diisi.' }]);
    }
    const source = deps.hashSource(event.requestContext?.http?.sourceIp ?? 'unknown');
    invitation = await openInvitation(code, source, deps.assessment);
  } else if (route.access !== 'none') {
    principal = principalFromEvent(event);
    facts.role = principal.role;
    facts.subject = principal.subject;
    authorizeRole(route, principal);
  }
  const params = route.params ? parseWith(route.params, found.params, 'path') : {};
  const query = route.query ? parseWith(route.query, event.queryStringParameters ?? {}, 'query') : {};
  const headers: Record<string, string | undefined> = route.headers
    ? (parseWith(route.headers, namedHeaders(route.headers, event), 'header') as Record<
        string,
        string | undefined
      >)
    : {};
  const raw = bodyOf(route, event);
  const body = route.body ? parseWith(route.body, raw, 'body') : undefined;
  const result = await route.handle(
    {
      params,
      query,
      body,
      principal: principal as Principal,
      invitation: invitation as Invitation,
      requestId,
      headers,
    },
    deps,
  );
  return 'file' in result ? file(result.status, result.file) : json(result.status, result.body);
}

/** Turns any error into the mapped response; registered last so it sees every failure. */
function httpErrors(logger: Logger): MiddlewareObj<ApiEvent, ApiResult, Error, Context> {
  return {
    onError: async (request) => {
      const { error } = request;
      const requestId = requestIdOf(request.event, request.context);
      if (errorMapping(error).status === 500) logger.error('request failed', errorKeys(error));
      request.response = errorResponse(error, requestId);
    },
  };
}

export function makeApiHandler(deps: ApiDeps): ApiHandler {
  const router = buildRouter();
  const facts = new WeakMap<ApiEvent, RequestFacts>();

  const logRequest = (event: ApiEvent, response: ApiResult | undefined) => {
    const seen = facts.get(event);
    deps.logger.info('request', {
      route: seen?.route ?? 'unmatched',
      method: event.requestContext?.http?.method,
      status: response?.statusCode,
      ...(seen?.role !== undefined && { role: seen.role }),
      ...(seen?.subject !== undefined && { subject: seen.subject }),
      ...(seen && { durationMs: deps.now() - seen.started }),
    });
  };

  const accessLog: MiddlewareObj<ApiEvent, ApiResult, Error, Context> = {
    after: async (request) => logRequest(request.event, request.response ?? undefined),
    // Runs after httpErrors' onError (middy runs onError in reverse order), so the status is known.
    onError: async (request) => logRequest(request.event, request.response ?? undefined),
  };

  const lambdaHandler = async (event: ApiEvent, context: Context): Promise<ApiResult> => {
    const requestFacts: RequestFacts = { route: 'unmatched', started: deps.now() };
    facts.set(event, requestFacts);
    return dispatch(router, deps, event, requestIdOf(event, context), requestFacts);
  };

  const handler = middy<ApiEvent, ApiResult, Error, Context>()
    .use(injectLambdaContext(deps.logger, { logEvent: false, resetKeys: true }))
    .use(accessLog)
    .use(httpErrors(deps.logger))
    .handler(lambdaHandler);
  return handler as unknown as ApiHandler;
}
