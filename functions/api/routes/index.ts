/** Every route of the API, in the order the OpenAPI document lists them. */
import type { AnyRoute } from '../route.ts';
import { eraseYouth, exportYouth } from './admin.ts';
import { listCandidates } from './candidates.ts';
import { health, openApi } from './meta.ts';
import { listOutcomes, recordOutcome } from './outcomes.ts';
import { getSummary } from './reports.ts';
import { createUpload, getUpload } from './uploads.ts';
import { getRecommendations, getYouth, listYouth } from './youth.ts';

export const ROUTES: readonly AnyRoute[] = [
  health,
  openApi,
  listYouth,
  getYouth,
  getRecommendations,
  recordOutcome,
  listOutcomes,
  listCandidates,
  createUpload,
  getUpload,
  getSummary,
  exportYouth,
  eraseYouth,
];
