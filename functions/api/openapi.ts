/**
 * The OpenAPI 3.1 document, generated from the route list and its zod schemas (JSON Schema
 * 2020-12, which OpenAPI 3.1 uses as is). `npm run gen:openapi` writes it to
 * openapi/openapi.json, the file the API serves at /v1/openapi.json; a test fails when the
 * committed file and this generator disagree.
 */
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { type AnyRoute, API_PREFIX } from './route.ts';
import { ROUTES } from './routes/index.ts';
import { apiComponents } from './schemas.ts';
import { MAX_BODY_BYTES } from './validation.ts';

type JsonObject = Record<string, unknown>;

const COMPONENT_REF = '#/components/schemas/';
const SECURITY_SCHEME = 'cognitoIdToken';
const INVITATION_SCHEME = 'invitationCode';

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid path, query or body; `fields` names each problem',
  401: 'No token, or a token that is expired, wrongly signed or for another audience',
  403: "The account's role may not do this, or the account is incomplete",
  404: "Not found, or outside the caller's scope (the two are indistinguishable)",
  409: 'Conflicts with what is stored',
  410: 'The invitation code expired or was revoked; the message says which, in Indonesian',
  413: `Body larger than ${MAX_BODY_BYTES} bytes`,
  415: 'Body is not application/json',
  429: 'Too many wrong invitation codes from this network; wait for the window to end',
  500: 'Unexpected failure; the body carries only a request id',
};

function withoutMeta(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function inputSchema(schema: z.ZodType): JsonObject {
  return withoutMeta(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonObject);
}

function componentSchemas(): JsonObject {
  const { schemas } = z.toJSONSchema(apiComponents, {
    target: 'draft-2020-12',
    uri: (id) => `${COMPONENT_REF}${id}`,
  }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, schema]) => [id, withoutMeta(schema)]),
  );
}

function refOf(schema: z.ZodType): JsonObject {
  const meta = apiComponents.get(schema);
  if (!meta) throw new RangeError('every response schema must be registered in apiComponents');
  return { $ref: `${COMPONENT_REF}${meta.id}` };
}

function parameters(route: AnyRoute): JsonObject[] {
  const part = (schema: z.ZodType | undefined, location: 'path' | 'query' | 'header'): JsonObject[] => {
    if (!schema) return [];
    const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
    return Object.entries(shape).map(([name, field]) => {
      const json = inputSchema(field);
      const { description, ...fieldSchema } = json;
      return {
        name,
        in: location,
        required: location === 'path' || !field.safeParse(undefined).success,
        ...(typeof description === 'string' && { description }),
        schema: fieldSchema,
      };
    });
  };
  return [...part(route.params, 'path'), ...part(route.query, 'query'), ...part(route.headers, 'header')];
}

function errorStatuses(route: AnyRoute): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.params || route.query || route.body || route.headers) statuses.add(400);
  if (route.access === 'invitation') {
    for (const status of [400, 404, 410, 429]) statuses.add(status);
  } else {
    if (route.access !== 'none') statuses.add(401);
    if (route.access !== 'none' && route.access !== 'authenticated') statuses.add(403);
  }
  if (route.body) {
    statuses.add(413);
    statuses.add(415);
  }
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

function responses(route: AnyRoute): JsonObject {
  const result: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const content = response.schema
      ? { 'application/json': { schema: refOf(response.schema) } }
      : Object.fromEntries((response.fileTypes ?? []).map((type) => [type, {}]));
    result[status] = { description: response.description, content };
  }
  for (const status of errorStatuses(route)) {
    result[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: `${COMPONENT_REF}Error` } } },
    };
  }
  return result;
}

function operation(route: AnyRoute): JsonObject {
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description !== undefined && { description: route.description }),
    tags: [route.tag],
    ...(route.access === 'none' && { security: [] }),
    ...(route.access === 'invitation' && { security: [{ [INVITATION_SCHEME]: [] }] }),
    ...(params.length > 0 && { parameters: params }),
    ...(route.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: inputSchema(route.body) } },
      },
    }),
    responses: responses(route),
  };
}

export function buildOpenApiDocument(routes: readonly AnyRoute[] = ROUTES): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = API_PREFIX + route.path;
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SINERGI match API',
      version: pkg.version,
      description:
        'Recommendations, candidates, outcomes, uploads and programme summaries for the SINERGI youth employment programme (Central Java). Every route except /v1/health and the assessment routes (authorised by an invitation code) needs a Cognito ID token; what a role sees is in docs/security.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token (locally: `sinergi token --role ...`)',
        },
        [INVITATION_SCHEME]: {
          type: 'apiKey',
          in: 'header',
          name: 'x-invitation-code',
          description: 'The youth assessment app: the invitation code a counsellor issued',
        },
      },
    },
  };
}
