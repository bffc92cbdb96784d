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

export const uploadKeys = {
  all: ['uploads'] as const,
  lists: () => [...uploadKeys.all, 'list'] as const,
  list: () => [...uploadKeys.lists(), 'own'] as const,
  detail: (uploadId: string, lang: Lang) => [...uploadKeys.all, 'detail', uploadId, lang] as const,
};

export const opportunityKeys = {
  all: ['opportunities'] as const,
  own: () => [...opportunityKeys.all, 'own'] as const,
};

export const vacancyKeys = {
  all: ['vacancies'] as const,
  candidates: (vacancyId: string) => [...vacancyKeys.all, 'candidates', vacancyId] as const,
};

export const reportKeys = {
  all: ['reports'] as const,
  dashboard: () => [...reportKeys.all, 'dashboard'] as const,
  audit: () => [...reportKeys.all, 'audit'] as const,
};
