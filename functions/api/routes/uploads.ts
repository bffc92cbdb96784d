/**
 * Uploads: a presigned S3 PUT for one file of a kind, under the caller's own owner segment, and the
 * upload's processing report. When the URL is issued a `pending` report is stored under the upload
 * id, so the owner can ask about the upload at once (200, status `pending`) and nobody else can
 * (404); the ingest function replaces it with the real report when the file has been processed.
 */

import { ForbiddenError } from '#core/access/errors';
import { authorize, notFound } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import type { Issue } from '#core/domain/errors';
import { ValidationError } from '#core/domain/errors';
import type { Language } from '#core/domain/language';
import type { UploadReportRecord } from '#core/ports';
import { translateIssue } from '#core/records/reasons';
import { PROGRAMME_OWNER, uploadKey } from '#core/usecases/upload-key';
import { openPageCursor, sealPageCursor } from '../paging.ts';
import { defineRoute } from '../route.ts';
import {
  pageQuery,
  UPLOAD_CONTENT_TYPES,
  type UPLOAD_STATUSES,
  uploadBody,
  uploadCreatedResponse,
  uploadListResponse,
  uploadPath,
  uploadReportQuery,
  uploadStatusResponse,
} from '../schemas.ts';

/** The owner segment of the object key: the employer or provider id, or the programme's. */
function keyOwnerSegment(principal: Principal): string {
  if (principal.role === 'employer' && principal.employerId) return principal.employerId;
  if (principal.role === 'provider' && principal.providerId) return principal.providerId;
  if (principal.role === 'admin') return PROGRAMME_OWNER;
  throw new ForbiddenError(`a ${principal.role} does not own uploads`);
}

function contentTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return UPLOAD_CONTENT_TYPES[extension as keyof typeof UPLOAD_CONTENT_TYPES];
}

function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export const createUpload = defineRoute({
  method: 'POST',
  path: '/uploads',
  operationId: 'createUpload',
  summary: 'A presigned S3 PUT for one vacancies, trainings or assessments file',
  description:
    'Employers upload vacancies, providers trainings, the programme data office (admin) any kind. Send exactly the returned headers; S3 refuses a body of another size or type. The URL expires at `expiresAt`.',
  tag: 'uploads',
  access: 'upload:create',
  body: uploadBody,
  responses: { 201: { description: 'Where and how to upload the file', schema: uploadCreatedResponse } },
  async handle({ body, principal }, deps) {
    const decision = authorize(principal, 'upload:create', { kind: body.kind });
    if (body.size > deps.maxUploadBytes) {
      throw new ValidationError([{ field: 'size', reason: `must be at most ${deps.maxUploadBytes} bytes` }]);
    }
    const uploadId = deps.newId();
    const key = uploadKey(body.kind, keyOwnerSegment(principal), uploadId, body.fileName);
    const contentType = contentTypeOf(body.fileName);
    const now = deps.now();
    const expiresAt = new Date(now + deps.uploadUrlTtlSeconds * 1000).toISOString();
    const url = await deps.uploads.presignPut({
      key,
      contentType,
      contentLength: body.size,
      expiresInSeconds: deps.uploadUrlTtlSeconds,
      signingDate: new Date(now),
    });
    await deps.reports.put({
      uploadId,
      ownerId: decision.ownerId!,
      kind: body.kind,
      bucket: deps.uploads.bucket,
      key,
      createdAt: new Date(now).toISOString(),
      report: { status: 'pending', uploadBy: expiresAt },
    });
    return {
      status: 201,
      body: {
        uploadId,
        kind: body.kind,
        method: 'PUT',
        url,
        headers: { 'content-type': contentType, 'content-length': String(body.size) },
        expiresAt,
        maxBytes: deps.maxUploadBytes,
      },
    };
  },
});

const REPORT_FIELDS = [
  'asOf',
  'processedAt',
  'counts',
  'rejected',
  'warnings',
  'review',
  'matching',
  'truncated',
] as const;

/**
 * The processing report's allow-listed fields (the owner id, bucket and timings stay inside), with
 * the reasons of rejected rows and warnings in the caller's language.
 */
function reportView(report: Record<string, unknown>, lang: Language): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field of REPORT_FIELDS) if (report[field] !== undefined) view[field] = report[field];
  for (const field of ['rejected', 'warnings'] as const) {
    if (Array.isArray(view[field]))
      view[field] = (view[field] as Issue[]).map((i) => translateIssue(i, lang));
  }
  return view;
}

function uploadStatus(record: UploadReportRecord, lang: Language) {
  const base = {
    uploadId: record.uploadId,
    kind: record.kind,
    fileName: fileNameOf(record.key),
    createdAt: record.createdAt,
  };
  const { report } = record;
  if (report.status === 'pending') {
    return {
      ...base,
      status: 'pending',
      ...(typeof report.uploadBy === 'string' && { uploadBy: report.uploadBy }),
    };
  }
  return { ...base, status: report.status, report: reportView(report, lang) };
}

/** A line of the uploader's list: the status and the counts, not the rows. */
function uploadSummary(record: UploadReportRecord) {
  const counts = record.report.status === 'pending' ? undefined : record.report.counts;
  return {
    uploadId: record.uploadId,
    kind: record.kind,
    fileName: fileNameOf(record.key),
    status: record.report.status as (typeof UPLOAD_STATUSES)[number],
    createdAt: record.createdAt,
    ...(counts !== undefined && { counts }),
  };
}

export const getUpload = defineRoute({
  method: 'GET',
  path: '/uploads/{uploadId}',
  operationId: 'getUpload',
  summary: 'Status and processing report of an upload',
  description:
    "`pending` until the file has been processed (also when it was never uploaded: `uploadBy` tells when the URL expired), then `processed` or `rejected_file` with the report: counts, rejected rows with reasons, warnings and review items. Only the uploader's own account (or admin) sees it; anyone else gets 404.",
  tag: 'uploads',
  access: 'upload:read',
  params: uploadPath,
  query: uploadReportQuery,
  responses: { 200: { description: 'The upload and its report', schema: uploadStatusResponse } },
  errors: [404],
  async handle({ params, query, principal }, deps) {
    const record = await deps.reports.get(params.uploadId);
    if (!record) throw notFound('upload', params.uploadId);
    authorize(principal, 'upload:read', { uploadId: params.uploadId, ownerId: record.ownerId });
    return { status: 200, body: uploadStatus(record, query.lang ?? 'id') };
  },
});

export const listUploads = defineRoute({
  method: 'GET',
  path: '/uploads',
  operationId: 'listUploads',
  summary: "The caller's own uploads, oldest first, with status and counts",
  description:
    'Employers and providers see the uploads of their own account, admins the programme office uploads. Open one with GET /v1/uploads/{uploadId} for its rows.',
  tag: 'uploads',
  access: 'upload:list',
  query: pageQuery,
  responses: { 200: { description: 'One page of uploads', schema: uploadListResponse } },
  async handle({ query, principal }, deps) {
    const { ownerId } = authorize(principal, 'upload:list', { own: true });
    const selectors = { owner: ownerId! };
    const cursor = openPageCursor(deps, principal, 'listUploads', selectors, query.cursor);
    const page = await deps.reports.listByOwner(ownerId!, {
      limit: query.limit ?? 50,
      ...(cursor !== undefined && { cursor }),
    });
    const next = sealPageCursor(deps, principal, 'listUploads', selectors, page.cursor);
    return {
      status: 200,
      body: { items: page.items.map(uploadSummary), ...(next !== undefined && { cursor: next }) },
    };
  },
});
