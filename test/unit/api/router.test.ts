import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { buildRouter } from '#functions/api/app';
import { parseTemplate, Router } from '#functions/api/router';

function router() {
  return new Router<string>()
    .add('GET', '/v1/youth', 'list')
    .add('GET', '/v1/youth/{youthId}', 'get')
    .add('DELETE', '/v1/youth/{youthId}', 'erase')
    .add('GET', '/v1/youth/{youthId}/export', 'export')
    .add('GET', '/v1/youth/special', 'literal');
}

describe('Router', () => {
  it('matches method and template and returns decoded parameters', () => {
    expect(router().find('GET', '/v1/youth/Y%2D1')).toEqual({
      kind: 'match',
      route: 'get',
      params: { youthId: 'Y-1' },
    });
    expect(router().find('DELETE', '/v1/youth/Y1')).toMatchObject({ kind: 'match', route: 'erase' });
    expect(router().find('GET', '/v1/youth/Y1/export')).toMatchObject({
      route: 'export',
      params: { youthId: 'Y1' },
    });
  });

  it('prefers a literal segment over a parameter, whatever the order of definition', () => {
    expect(router().find('GET', '/v1/youth/special')).toMatchObject({ kind: 'match', route: 'literal' });
  });

  it('answers 404 for unknown paths and 405 with the allowed methods for known ones', () => {
    expect(router().find('GET', '/v1/vacancies')).toEqual({ kind: 'not_found' });
    expect(router().find('GET', '/v1/youth/')).toEqual({ kind: 'not_found' });
    expect(router().find('GET', '/v1/youth/a/b/c')).toEqual({ kind: 'not_found' });
    const lookup = router().find('POST', '/v1/youth/Y1');
    expect(lookup.kind).toBe('method_not_allowed');
    expect(lookup.kind === 'method_not_allowed' && lookup.allowed.sort()).toEqual(['DELETE', 'GET']);
  });

  it('reports a malformed percent escape as a field error on the parameter', () => {
    expect(() => router().find('GET', '/v1/youth/%E0%A4%A')).toThrow(ValidationError);
    try {
      router().find('GET', '/v1/youth/%ZZ');
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        { field: 'youthId', reason: 'is not a valid URL path segment' },
      ]);
    }
  });

  it('refuses duplicate routes and malformed templates', () => {
    expect(() => router().add('GET', '/v1/youth', 'again')).toThrow(/twice/);
    expect(() => parseTemplate('v1/youth')).toThrow(RangeError);
    expect(() => parseTemplate('/v1/{a}b')).toThrow(RangeError);
  });

  it('gives back any id that is encoded into a path segment', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
        const found = router().find('GET', `/v1/youth/${encodeURIComponent(id)}`);
        expect(found).toEqual({ kind: 'match', route: 'get', params: { youthId: id } });
      }),
    );
  });

  it('holds every API route exactly once', () => {
    const routes = buildRouter().list();
    const keys = routes.map((r) => `${r.method} ${r.template}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('GET /v1/youth/{youthId}/recommendations');
    expect(keys).toContain('DELETE /v1/youth/{youthId}');
  });
});
