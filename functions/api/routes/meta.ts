/** The liveness probe (no token) and the API's own description (any verified account). */
import { defineRoute } from '../route.ts';
import { healthResponse, noQuery, openApiResponse } from '../schemas.ts';

export const health = defineRoute({
  method: 'GET',
  path: '/health',
  operationId: 'health',
  summary: 'Liveness probe',
  description: 'No token needed. Says the function answers; reads no data.',
  tag: 'meta',
  access: 'none',
  query: noQuery,
  responses: { 200: { description: 'The function is up', schema: healthResponse } },
  async handle(_request, deps) {
    return { status: 200, body: { status: 'ok', service: deps.serviceName, stage: deps.stage } };
  },
});

export const openApi = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This API described as OpenAPI 3.1',
  tag: 'meta',
  access: 'authenticated',
  query: noQuery,
  responses: { 200: { description: 'The OpenAPI document', schema: openApiResponse } },
  async handle(_request, deps) {
    return { status: 200, body: deps.openApiDocument };
  },
});
