/**
 * TanStack Query keys, one factory per resource, so invalidation after a write names exactly what
 * it changes (e.g. recording an outcome invalidates `youthKeys.outcomes(id)`).
 */
import type { Lang, YouthListQuery } from './client.ts';

export const youthKeys = {
  all: ['youth'] as const,
  lists: () => [...youthKeys.all, 'list'] as const,
  list: (query: YouthListQuery) => [...youthKeys.lists(), query] as const,
  detail: (youthId: string) => [...youthKeys.all, 'detail', youthId] as const,
  recommendations: (youthId: string, lang: Lang) =>
    [...youthKeys.all, 'recommendations', youthId, lang] as const,
  outcomes: (youthId: string) => [...youthKeys.all, 'outcomes', youthId] as const,
};
