/** Every route of the API, in the order the OpenAPI document lists them. */
import type { AnyRoute } from '../route.ts';
import { eraseYouth, exportYouth } from './admin.ts';
import {
  getAssessmentContent,
  getAssessmentSession,
  getAssessmentStatus,
  getYouthResults,
  giveConsent,
  submitAnswers,
} from './assessment.ts';
import { listCandidates, markCandidateInterest } from './candidates.ts';
import {
  assignCaseRoute,
  changeCaseStatus,
  getCase,
  listCases,
  listServices,
  raiseCaseRoute,
  raiseYouthCase,
  referCaseRoute,
  updateReferralRoute,
} from './cases.ts';
import {
  createInvitation,
  getInvitation,
  listInvitations,
  reissueInvitation,
  revokeInvitation,
  setPaperAptitudes,
} from './invitations.ts';
import { health, openApi } from './meta.ts';
import { downloadTemplate, listOwnOpportunities } from './opportunities.ts';
import { listOutcomes, recordOutcome } from './outcomes.ts';
import { exportDashboard, getDashboard, getLatestAudit, getSummary } from './reports.ts';
import { listHeld, releaseHeld } from './reviews.ts';
import { createUpload, getUpload, listUploads } from './uploads.ts';
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
  markCandidateInterest,
  listOwnOpportunities,
  createUpload,
  listUploads,
  getUpload,
  downloadTemplate,
  getSummary,
  getDashboard,
  exportDashboard,
  getLatestAudit,
  listHeld,
  releaseHeld,
  raiseCaseRoute,
  listCases,
  getCase,
  changeCaseStatus,
  assignCaseRoute,
  referCaseRoute,
  updateReferralRoute,
  listServices,
  exportYouth,
  eraseYouth,
  createInvitation,
  listInvitations,
  getInvitation,
  revokeInvitation,
  reissueInvitation,
  setPaperAptitudes,
  getAssessmentContent,
  getAssessmentSession,
  giveConsent,
  submitAnswers,
  getAssessmentStatus,
  getYouthResults,
  raiseYouthCase,
];
