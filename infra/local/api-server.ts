/**
 * The local stand-in for API Gateway's HTTP API in front of the API function: a node:http server on
 * loopback that does what the deployed API does before and after the Lambda runs.
 *
 * - Routes like the stack: `GET /v1/health` and the assessment app's `GET|POST /v1/assessment/{proxy+}`
 *   without authorizer, `ANY /v1/{proxy+}` behind the JWT authorizer, anything else 404
 *   `{"message":"Not Found"}` without invoking the function.
 * - Verifies the bearer token as the JWT authorizer does (./auth/jwt.ts) and answers
 *   401 `{"message":"Unauthorized"}` itself when it is missing or fails any check.
 * - Builds the payload format 2.0 event (routeKey, rawPath, rawQueryString, lower-cased headers
 *   with repeated values joined by commas, cookies apart, queryStringParameters, pathParameters,
 *   requestContext with the authorizer's claims in their string form, body and its base64 flag).
 * - Writes the function's result back: status, headers, cookies, body (base64-decoded if flagged);
 *   a result without `statusCode` is sent as a 200 JSON body, a thrown error as API Gateway's 500.
 *
 * Presigned upload URLs point at the S3 emulator directly, as they point at S3 on AWS.
 */
import { type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { type AuthorizerClaims, jwtAuthorizerContext } from '#functions/api/auth/claims';
import { DEV_TOKEN_AUDIENCE, DEV_TOKEN_ISSUER } from './auth/dev-tokens.ts';
import { type Jwk, type Jwks, tokenFromAuthorizationHeader, verifyJwt } from './auth/jwt.ts';
import { lambdaContext } from './lambda-context.ts';

const LOOPBACK = '127.0.0.1';
/** API Gateway's payload limit for HTTP APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const PROXY_ROUTE_KEY = 'ANY /v1/{proxy+}';
const PROXY_PREFIX = '/v1/';
const PROXY_SUFFIX = '/{proxy+}';

/** Reachable without a token, as in the stack: `METHOD /path`, or `METHOD /prefix/{proxy+}`. */
export const OPEN_ROUTES = [
  'GET /v1/health',
  'GET /v1/assessment/{proxy+}',
  'POST /v1/assessment/{proxy+}',
] as const;
/** The API function's timeout in the stack. */
const API_TIMEOUT_MS = 15_000;

export type LocalApiHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2 | string | object | undefined>;

export interface ApiServerOptions {
  handler: LocalApiHandler;
  /** 0 or absent: a free port. */
  port?: number;
  /** The issuer's key set, or one public key (see `VerifyJwtOptions`). */
  jwks?: Jwks;
  key?: Jwk | KeyObject;
  issuer?: string;
  audience?: string | readonly string[];
  /** Routes reachable without a token, as `METHOD /path` or `METHOD /prefix/{proxy+}`; `OPEN_ROUTES` by default. */
  openRoutes?: readonly string[];
  /** The clock the token checks and the event's time use; milliseconds since the epoch. */
  now?: () => number;
  clockToleranceSeconds?: number;
  functionName?: string;
  /** Answers requests outside the API's routes (the web workspace, infra/local/web-site.ts). */
  site?: (
    request: LocalRequest,
  ) => { status: number; headers: Record<string, string>; body: string | Buffer } | undefined;
}

export interface RunningApiServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** One HTTP request as read off the socket. */
export interface LocalRequest {
  method: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
  sourceIp: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time` as API Gateway writes it: `12/Mar/2020:19:03:58 +0000`. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** Header names lower-cased; a repeated header's values joined with commas, as API Gateway does. */
export function eventHeaders(rawHeaders: readonly string[]): {
  headers: Record<string, string>;
  cookies: string[];
} {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
      );
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return { headers, cookies };
}

/** Query parameters decoded; a repeated name's values joined with commas; absent when empty. */
export function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    params[name] = params[name] === undefined ? value : `${params[name]},${value}`;
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/** Text bodies are passed as they are; anything else base64, as API Gateway decides by media type. */
function isTextMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type.endsWith('+json') ||
    type.endsWith('+xml') ||
    [
      'application/json',
      'application/xml',
      'application/javascript',
      'application/x-www-form-urlencoded',
    ].includes(type)
  );
}

function requestId(): string {
  // API Gateway's ids look like `JKJaXmPLvHcESHA=`: base64 of random bytes.
  return randomBytes(10).toString('base64');
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

function writeResult(res: ServerResponse, result: unknown): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    // API Gateway's inference for a result that is not a response: the value as a JSON body.
    send(res, 200, typeof result === 'string' ? result : JSON.stringify(result ?? null));
    return;
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (structured.cookies && structured.cookies.length > 0) headers['set-cookie'] = structured.cookies;
  const raw = structured.body ?? '';
  const body = structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  res.writeHead(structured.statusCode ?? 200, headers);
  res.end(body);
}

async function readRequest(req: IncomingMessage): Promise<LocalRequest | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const { headers, cookies } = eventHeaders(req.rawHeaders);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath: q < 0 ? target : target.slice(0, q),
    rawQueryString: q < 0 ? '' : target.slice(q + 1),
    headers,
    cookies,
    body: Buffer.concat(chunks),
    sourceIp: req.socket.remoteAddress ?? LOOPBACK,
  };
}

/** The stack's routes: which one a request hits, or none (API Gateway's own 404). */
function routeKeyOf(request: LocalRequest, openRoutes: ReadonlySet<string>): string | undefined {
  const exact = `${request.method} ${request.rawPath}`;
  if (openRoutes.has(exact)) return exact;
  for (const route of openRoutes) {
    if (!route.endsWith(PROXY_SUFFIX)) continue;
    const prefix = route.slice(0, -PROXY_SUFFIX.length + 1);
    if (exact.startsWith(prefix) && exact.length > prefix.length) return route;
  }
  if (request.rawPath.startsWith(PROXY_PREFIX) && request.rawPath.length > PROXY_PREFIX.length) {
    return PROXY_ROUTE_KEY;
  }
  return undefined;
}

function proxyParameter(routeKey: string, rawPath: string): string {
  const prefix = routeKey.slice(routeKey.indexOf(' ') + 1, -PROXY_SUFFIX.length + 1);
  const raw = rawPath.slice(prefix.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export interface BuildEventInput {
  request: LocalRequest;
  routeKey: string;
  claims?: AuthorizerClaims;
  now: number;
  requestId: string;
}

export function buildEvent(input: BuildEventInput): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request, routeKey, claims, now } = input;
  const hasBody = request.body.length > 0;
  const asText = isTextMediaType(request.headers['content-type']);
  const query = queryParameters(request.rawQueryString);
  const authorizer = claims ? jwtAuthorizerContext(claims) : undefined;
  if (authorizer && claims?.scope) authorizer.jwt.scopes = claims.scope.split(' ').filter((s) => s !== '');
  const event = {
    version: '2.0',
    routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(request.cookies.length > 0 && { cookies: request.cookies }),
    headers: request.headers,
    ...(query && { queryStringParameters: query }),
    ...(routeKey.endsWith(PROXY_SUFFIX) && {
      pathParameters: { proxy: proxyParameter(routeKey, request.rawPath) },
    }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.headers.host ?? LOOPBACK,
      domainPrefix: (request.headers.host ?? LOOPBACK).split('.')[0]!,
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now,
      ...(authorizer && { authorizer }),
    },
    ...(hasBody && { body: asText ? request.body.toString('utf8') : request.body.toString('base64') }),
    isBase64Encoded: hasBody && !asText,
  };
  return event as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  if (!options.jwks && !options.key) throw new RangeError('startApiServer needs a jwks or a key');
  const openRoutes = new Set<string>(options.openRoutes ?? OPEN_ROUTES);
  const now = options.now ?? Date.now;
  const functionName = options.functionName ?? 'sinergi-api-local';
  const verifyOptions = {
    ...(options.jwks && { jwks: options.jwks }),
    ...(options.key && { key: options.key }),
    issuer: options.issuer ?? DEV_TOKEN_ISSUER,
    audience: options.audience ?? DEV_TOKEN_AUDIENCE,
    ...(options.clockToleranceSeconds !== undefined && {
      clockToleranceSeconds: options.clockToleranceSeconds,
    }),
  };

  const authenticate = (request: LocalRequest): AuthorizerClaims | undefined => {
    try {
      const token = tokenFromAuthorizationHeader(request.headers.authorization);
      return verifyJwt(token, { ...verifyOptions, now: now() });
    } catch {
      return undefined;
    }
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = await readRequest(req);
    if (request === 'too_large')
      return send(res, 413, JSON.stringify({ message: 'Request Entity Too Large' }));
    const routeKey = routeKeyOf(request, openRoutes);
    if (routeKey === undefined) {
      const page = request.rawPath.startsWith(PROXY_PREFIX) ? undefined : options.site?.(request);
      if (page) {
        res.writeHead(page.status, page.headers);
        res.end(request.method === 'HEAD' ? undefined : page.body);
        return;
      }
      return send(res, 404, JSON.stringify({ message: 'Not Found' }));
    }
    let claims: AuthorizerClaims | undefined;
    if (routeKey === PROXY_ROUTE_KEY) {
      claims = authenticate(request);
      if (!claims) {
        return send(res, 401, JSON.stringify({ message: 'Unauthorized' }), { 'www-authenticate': 'Bearer' });
      }
    }
    const id = requestId();
    const started = now();
    const event = buildEvent({ request, routeKey, ...(claims && { claims }), now: started, requestId: id });
    try {
      const result = await options.handler(
        event,
        lambdaContext({ functionName, timeoutMs: API_TIMEOUT_MS, memoryMb: 1024, awsRequestId: id }),
      );
      writeResult(res, result);
    } catch {
      send(res, 500, JSON.stringify({ message: 'Internal Server Error' }));
    }
  };

  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ message: 'Internal Server Error' }));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
