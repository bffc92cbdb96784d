/**
 * Method + path template -> route. Templates are literal segments and `{name}` parameters, each
 * parameter one whole segment. Literal segments win over parameters, so `/youth/{youthId}` never
 * swallows a sibling literal. An unknown path is 404; a known path with another method is 405.
 */
import { ValidationError } from '#core/domain/errors';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Segment = { literal: string } | { param: string };

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

export type RouteLookup<R> =
  | ({ kind: 'match' } & RouteMatch<R>)
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allowed: HttpMethod[] };

interface Entry<R> {
  method: HttpMethod;
  template: string;
  segments: Segment[];
  route: R;
}

const PARAM = /^\{([A-Za-z][A-Za-z0-9]*)\}$/;

export function parseTemplate(template: string): Segment[] {
  if (!template.startsWith('/')) throw new RangeError(`a path template starts with "/": ${template}`);
  return splitPath(template).map((part) => {
    const param = PARAM.exec(part);
    if (param) return { param: param[1]! };
    if (part.includes('{') || part.includes('}')) throw new RangeError(`bad template segment: ${part}`);
    return { literal: part };
  });
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

/** A path segment as sent, percent-decoded; malformed escapes are the caller's error, not a 500. */
function decodeSegment(raw: string, name: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ValidationError([{ field: name, reason: 'is not a valid URL path segment' }]);
  }
}

/** Fewer parameters first: a literal match is more specific than a parameter match. */
function specificity(segments: readonly Segment[]): number {
  return segments.filter((s) => 'param' in s).length;
}

function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const raw: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i]!;
    if ('literal' in segment) {
      if (segment.literal !== part) return null;
    } else {
      if (part === '') return null;
      raw[segment.param] = part;
    }
  }
  return raw;
}

export class Router<R> {
  private readonly entries: Entry<R>[] = [];

  add(method: HttpMethod, template: string, route: R): this {
    if (this.entries.some((e) => e.method === method && e.template === template)) {
      throw new RangeError(`route ${method} ${template} is defined twice`);
    }
    this.entries.push({ method, template, segments: parseTemplate(template), route });
    this.entries.sort((a, b) => specificity(a.segments) - specificity(b.segments));
    return this;
  }

  /** Every method + template pair, for the OpenAPI contract. */
  list(): { method: HttpMethod; template: string; route: R }[] {
    return this.entries.map(({ method, template, route }) => ({ method, template, route }));
  }

  find(method: string, path: string): RouteLookup<R> {
    const parts = splitPath(path);
    const allowed = new Set<HttpMethod>();
    for (const entry of this.entries) {
      const raw = matchSegments(entry.segments, parts);
      if (!raw) continue;
      if (entry.method !== method) {
        allowed.add(entry.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) params[name] = decodeSegment(value, name);
      return { kind: 'match', route: entry.route, params };
    }
    return allowed.size > 0 ? { kind: 'method_not_allowed', allowed: [...allowed] } : { kind: 'not_found' };
  }
}
