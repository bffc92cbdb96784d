import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildRouter } from '#functions/api/app';
import { buildOpenApiDocument } from '#functions/api/openapi';
import { ROUTES } from '#functions/api/routes/index';
import { apiComponents } from '#functions/api/schemas';

const committed = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security?: unknown[];
}

function documentOperations(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

describe('the OpenAPI document', () => {
  it('is up to date: regenerate with `npm run gen:openapi` when this fails', () => {
    expect(committed).toEqual(buildOpenApiDocument());
  });

  it('validates against the official OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(committed));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    const broken = structuredClone(committed);
    delete broken.info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('lists exactly the routes the router serves (method and path)', () => {
    const served = buildRouter()
      .list()
      .map((r) => `${r.method} ${r.template}`)
      .sort();
    expect(documentOperations(committed)).toEqual(served);
  });

  it('is OpenAPI 3.1 with unique operation ids, path parameters declared and every $ref resolvable', () => {
    expect(committed.openapi).toBe('3.1.0');
    const ids: string[] = [];
    for (const [path, item] of Object.entries<Record<string, Operation>>(committed.paths)) {
      for (const operation of Object.values(item)) {
        ids.push(operation.operationId);
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(declared.sort()).toEqual(inPath.sort());
        expect(Object.keys(operation.responses).length).toBeGreaterThan(1);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...JSON.stringify(committed).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1]!,
    );
    for (const ref of refs) expect(committed.components.schemas).toHaveProperty(ref);
  });

  it('needs a token everywhere except the health check, the assessment content and the code-authorised app routes', () => {
    expect(committed.security).toEqual([{ cognitoIdToken: [] }]);
    const open = documentOperations({
      paths: Object.fromEntries(
        Object.entries<Record<string, Operation>>(committed.paths).map(([p, item]) => [
          p,
          Object.fromEntries(
            Object.entries(item).filter(([, op]) => Array.isArray(op.security) && op.security.length === 0),
          ),
        ]),
      ),
    });
    expect(open).toEqual(['GET /v1/assessment/content/{instrumentId}', 'GET /v1/health']);
    const byCode = Object.entries<Record<string, Operation>>(committed.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([, op]) => JSON.stringify(op.security) === JSON.stringify([{ invitationCode: [] }]))
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(byCode.sort()).toEqual([
      'GET /v1/assessment/results',
      'GET /v1/assessment/session',
      'GET /v1/assessment/status',
      'POST /v1/assessment/cases',
      'POST /v1/assessment/consent',
      'POST /v1/assessment/submission',
    ]);
  });

  it('names a registered response schema, or the media types of a file, for every success response', () => {
    for (const route of ROUTES) {
      for (const response of Object.values(route.responses)) {
        if (response.schema) expect(apiComponents.get(response.schema)).toBeDefined();
        else expect(response.fileTypes?.length).toBeGreaterThan(0);
      }
    }
  });
});
