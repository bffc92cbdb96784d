/**
 * The assessment app's routes. The content route (instrument items, consent text) is public and the
 * same for everyone, so the app's service worker can cache it. Every other route is authorised by
 * the invitation code alone (`x-invitation-code`), and answers only about that invitation's youth:
 * the session (aptitude items without answer keys), consent, the one submission, its processing
 * status and the youth's own results.
 */
import { CONSENT_TEXT } from '#core/assessment/consent';
import {
  assessmentResults,
  assessmentSession,
  assessmentStatus,
  recordConsent,
  submitAssessment,
} from '#core/usecases/assessment';
import { defineRoute } from '../route.ts';
import {
  assessmentContentResponse,
  assessmentSessionResponse,
  assessmentStatusResponse,
  consentBody,
  consentResponse,
  instrumentPath,
  noQuery,
  resultsQuery,
  submissionBody,
  submissionResponse,
  youthResultsResponse,
} from '../schemas.ts';

export const getAssessmentContent = defineRoute({
  method: 'GET',
  path: '/assessment/content/{instrumentId}',
  operationId: 'getAssessmentContent',
  summary: 'Items of an instrument and the consent text, in Indonesian and English',
  description: 'Public and the same for everyone; the app caches it for offline use.',
  tag: 'assessment app',
  access: 'none',
  params: instrumentPath,
  query: noQuery,
  responses: {
    200: { description: 'The instrument and the consent text', schema: assessmentContentResponse },
  },
  async handle({ params }, deps) {
    const instrument = deps.assessment.scoring.instruments.get(params.instrumentId);
    return {
      status: 200,
      body: {
        instrument: {
          id: instrument.id,
          version: instrument.version,
          title: instrument.title,
          prompt: instrument.prompt,
          answerLabels: instrument.answerLabels,
          items: instrument.items.map((item) => ({ id: item.id, text: item.text })),
        },
        consent: CONSENT_TEXT,
      },
    };
  },
});

export const getAssessmentSession = defineRoute({
  method: 'GET',
  path: '/assessment/session',
  operationId: 'getAssessmentSession',
  summary: 'What the invitation code opens: instrument, consent state, on-screen aptitude items',
  description:
    'Aptitude items come without their answer key (scored on the server). `minor`: a parent or guardian must consent too.',
  tag: 'assessment app',
  access: 'invitation',
  query: noQuery,
  responses: { 200: { description: 'The assessment session', schema: assessmentSessionResponse } },
  async handle({ invitation }, deps) {
    return { status: 200, body: await assessmentSession(invitation, deps.assessment) };
  },
});

export const giveConsent = defineRoute({
  method: 'POST',
  path: '/assessment/consent',
  operationId: 'giveConsent',
  summary: 'Record the youth’s (and under 18, a guardian’s) consent',
  description: 'The first consent for an invitation is kept; sending it again returns the stored one.',
  tag: 'assessment app',
  access: 'invitation',
  query: noQuery,
  body: consentBody,
  responses: { 201: { description: 'The consent as stored', schema: consentResponse } },
  async handle({ invitation, body }, deps) {
    const record = await recordConsent(invitation, body, deps.assessment);
    return {
      status: 201,
      body: {
        invitationId: record.invitationId,
        textVersion: record.textVersion,
        recordedAt: record.recordedAt,
        minor: record.minor,
      },
    };
  },
});

export const submitAnswers = defineRoute({
  method: 'POST',
  path: '/assessment/submission',
  operationId: 'submitAnswers',
  summary: 'Send the answers: once per invitation',
  description:
    'Validated, then written as one assessment object under `incoming/assessments/` for the pipeline to score and match. A retry with the same `idempotencyKey` gets the same answer (`replay: true`); any other second submission is 409.',
  tag: 'assessment app',
  access: 'invitation',
  query: noQuery,
  body: submissionBody,
  responses: { 202: { description: 'Accepted; poll the status', schema: submissionResponse } },
  errors: [409],
  async handle({ invitation, body }, deps) {
    const accepted = await submitAssessment(
      invitation,
      {
        idempotencyKey: body.idempotencyKey,
        ...(body.consent && { consent: body.consent }),
        interests: body.interests,
        aptitude: body.aptitude,
      },
      deps.assessment,
    );
    return { status: 202, body: accepted };
  },
});

export const getAssessmentStatus = defineRoute({
  method: 'GET',
  path: '/assessment/status',
  operationId: 'getAssessmentStatus',
  summary: 'Whether the submitted assessment has been scored and matched',
  tag: 'assessment app',
  access: 'invitation',
  query: noQuery,
  responses: { 200: { description: 'The processing state', schema: assessmentStatusResponse } },
  async handle({ invitation }, deps) {
    return { status: 200, body: await assessmentStatus(invitation, deps.assessment) };
  },
});

export const getYouthResults = defineRoute({
  method: 'GET',
  path: '/assessment/results',
  operationId: 'getYouthResults',
  summary: 'The youth’s results in plain language, without scores',
  description:
    'Holland code explained, the three strongest interests with example occupations, top jobs and trainings with a short reason, and the counsellor as the next step. 404 until the status is `ready`.',
  tag: 'assessment app',
  access: 'invitation',
  query: resultsQuery,
  responses: { 200: { description: 'The results', schema: youthResultsResponse } },
  async handle({ invitation, query }, deps) {
    return { status: 200, body: await assessmentResults(invitation, query.lang ?? 'id', deps.assessment) };
  },
});
