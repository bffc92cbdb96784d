/**
 * Who may do what, on which records. One table says which roles may take each action and under
 * which scope rule; the rules say what "their own" means. Handlers call `authorize` after loading
 * the record, passing the record's own district or owner, never one taken from the query or body.
 *
 * A record outside the caller's scope is reported as not found, with the same message as a record
 * that does not exist, so guessing ids reveals nothing. A role that never has an action gets a
 * ForbiddenError: that answer is the same for every id and so leaks nothing either.
 */
import { NotFoundError } from '../domain/errors.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/records.ts';
import { ForbiddenError } from './errors.ts';
import type { Principal, Role } from './principal.ts';

export const ACTIONS = [
  'health',
  'youth:list',
  'youth:read',
  'youth:recommendations',
  'vacancy:candidates',
  'outcome:record',
  'upload:create',
  'upload:read',
  'upload:list',
  'upload:template',
  'opportunity:list',
  'vacancy:interest',
  'reports:summary',
  'reports:audit',
  'youth:export',
  'youth:erase',
  'invitation:create',
  'invitation:read',
  'invitation:manage',
  'review:list',
  'review:release',
  'case:raise',
  'case:list',
  'case:read',
  'case:update',
  'services:list',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface DistrictRef {
  district: string;
}
export interface YouthRef {
  youthId: string;
  /** The stored profile's district. */
  district: string;
}
export interface VacancyRef {
  vacancyId: string;
  /** The stored vacancy's employer. */
  employerId: string;
  district: string;
}
export interface UploadRequest {
  kind: RecordKind;
}
export interface UploadRef {
  uploadId: string;
  /** The stored report's owner scope, see `uploadOwnerId`. */
  ownerId: string;
}
export interface OwnerRequest {
  /** Nothing to check per record: the listing is keyed by the caller's own owner id. */
  own: true;
}
/** A record that belongs to a district (a held opportunity, a complaint case), in its stored district. */
export interface RecordInDistrict {
  record: HiddenRecord;
  id: string;
  district: string;
}
export interface SummaryRequest {
  /** Districts asked for; empty or absent = every district the caller may see. */
  districts?: readonly string[];
}

/** What each action is about. */
export interface ActionResources {
  health: undefined;
  'youth:list': DistrictRef;
  'youth:read': YouthRef;
  'youth:recommendations': YouthRef;
  'vacancy:candidates': VacancyRef;
  'outcome:record': YouthRef;
  'upload:create': UploadRequest;
  'upload:read': UploadRef;
  'upload:list': OwnerRequest;
  'upload:template': UploadRequest;
  'opportunity:list': OwnerRequest;
  'vacancy:interest': VacancyRef;
  'reports:summary': SummaryRequest | undefined;
  'reports:audit': SummaryRequest | undefined;
  'youth:export': YouthRef;
  'youth:erase': YouthRef;
  /** The district is the stored youth's, or for a new youth the one the counsellor registers. */
  'invitation:create': YouthRef;
  /** The district is the one stored on the invitation. */
  'invitation:read': YouthRef;
  'invitation:manage': YouthRef;
  'review:list': SummaryRequest;
  'review:release': RecordInDistrict;
  'case:raise': YouthRef;
  'case:list': SummaryRequest;
  'case:read': RecordInDistrict;
  'case:update': RecordInDistrict;
  'services:list': undefined;
}
export type AnyResource = NonNullable<ActionResources[Action]>;

export interface AccessDecision {
  action: Action;
  /** Also the view: the projection the handler applies to what it returns. */
  role: Role;
  subject: string;
  /**
   * Results must be limited to youth (or aggregates) of these districts; absent = no district limit.
   * For a counsellor's candidate list this is what keeps other districts' youth out of it.
   */
  districts?: readonly string[];
  /** Owner scope to stamp on a new upload, or to list by; absent when any owner is allowed. */
  ownerId?: string;
  /** The employer or provider id whose vacancies or training offers a listing is limited to. */
  opportunityOwner?: { kind: 'job' | 'training'; id: string };
}

/** Scope rules, named for the table below. */
export type Scope =
  | 'anyone'
  | 'ownDistricts'
  | 'candidatesInOwnDistricts'
  | 'ownVacancy'
  | 'ownUploadKind'
  | 'anyUploadKind'
  | 'ownUpload'
  | 'anyUpload'
  | 'ownUploads'
  | 'ownOpportunities'
  | 'managedDistricts'
  | 'recordInDistricts'
  | 'ownDistrictList'
  | 'anyYouth';

/**
 * Data minimisation (UU PDP 27/2022 art. 16): each role gets only the actions its work needs.
 * Managers see aggregates, never individual youth; admins handle data-subject requests and
 * programme uploads but do not browse youth; employers and providers see their own uploads and
 * (employers) pseudonymous candidates of their own vacancies. docs/security.md gives the reasons.
 */
export const POLICY: Readonly<Record<Action, Readonly<Partial<Record<Role, Scope>>>>> = {
  health: {
    counsellor: 'anyone',
    employer: 'anyone',
    provider: 'anyone',
    manager: 'anyone',
    admin: 'anyone',
  },
  'youth:list': { counsellor: 'ownDistricts' },
  'youth:read': { counsellor: 'ownDistricts' },
  'youth:recommendations': { counsellor: 'ownDistricts' },
  'vacancy:candidates': { counsellor: 'candidatesInOwnDistricts', employer: 'ownVacancy' },
  'outcome:record': { counsellor: 'ownDistricts' },
  'upload:create': { employer: 'ownUploadKind', provider: 'ownUploadKind', admin: 'anyUploadKind' },
  'upload:read': { employer: 'ownUpload', provider: 'ownUpload', admin: 'anyUpload' },
  'upload:list': { employer: 'ownUploads', provider: 'ownUploads', admin: 'ownUploads' },
  'upload:template': { employer: 'ownUploadKind', provider: 'ownUploadKind', admin: 'anyUploadKind' },
  'opportunity:list': { employer: 'ownOpportunities', provider: 'ownOpportunities' },
  'vacancy:interest': { employer: 'ownVacancy' },
  'reports:summary': { manager: 'managedDistricts' },
  'reports:audit': { manager: 'managedDistricts' },
  'youth:export': { admin: 'anyYouth' },
  'youth:erase': { admin: 'anyYouth' },
  // Counsellors invite youth of their own districts to the assessment app, and manage those codes.
  'invitation:create': { counsellor: 'ownDistricts' },
  'invitation:read': { counsellor: 'ownDistricts' },
  'invitation:manage': { counsellor: 'ownDistricts' },
  // Holds are about employers' vacancies, not youth: the managers who release them see no youth.
  'review:list': { manager: 'managedDistricts' },
  'review:release': { manager: 'recordInDistricts' },
  // Complaint cases are worked by the youth's counsellors and the district's managers; managers
  // get them without the youth's id (functions/api/routes/cases.ts).
  'case:raise': { counsellor: 'ownDistricts' },
  'case:list': { counsellor: 'ownDistrictList', manager: 'managedDistricts' },
  'case:read': { counsellor: 'recordInDistricts', manager: 'recordInDistricts' },
  'case:update': { counsellor: 'recordInDistricts', manager: 'recordInDistricts' },
  'services:list': { counsellor: 'anyone', manager: 'anyone' },
};

/** The upload kind each uploading role may send. Admins (the programme's data office) send any. */
export const UPLOAD_KIND_OF_ROLE: Readonly<Partial<Record<Role, RecordKind>>> = {
  employer: 'vacancies',
  provider: 'trainings',
};

/** The roles that may take an action at all (on some record). */
export function rolesFor(action: Action): Role[] {
  return Object.keys(POLICY[action]) as Role[];
}

/** `EMPLOYER#<id>`, `PROVIDER#<id>` or `PROGRAMME` (admins): the owner scope of upload reports. */
export function uploadOwnerId(principal: Principal): string {
  if (principal.role === 'employer' && principal.employerId) return `EMPLOYER#${principal.employerId}`;
  if (principal.role === 'provider' && principal.providerId) return `PROVIDER#${principal.providerId}`;
  if (principal.role === 'admin') return 'PROGRAMME';
  throw new ForbiddenError(`${withArticle(principal.role)} does not own uploads`);
}

export type HiddenRecord = 'youth' | 'district' | 'vacancy' | 'training offer' | 'upload' | 'case';

/**
 * The one not-found error for a record, used both when it is missing and when it is out of scope,
 * so the two answers cannot be told apart.
 */
export function notFound(record: HiddenRecord, id: string): NotFoundError {
  return new NotFoundError(`${record} ${id} not found`);
}

function required<T>(action: Action, resource: T | undefined): T {
  if (resource === undefined || resource === null) {
    // A handler bug, not a caller error: every such action has a record to check.
    throw new TypeError(`authorize(${action}) needs the resource it acts on`);
  }
  return resource;
}

function inDistricts(principal: Principal, district: string): boolean {
  return principal.districts.includes(district);
}

type ScopeCheck = (principal: Principal, action: Action, resource: unknown) => Partial<AccessDecision>;

const SCOPES: Readonly<Record<Scope, ScopeCheck>> = {
  anyone: () => ({}),
  ownDistricts: (principal, action, resource) => {
    const ref = required(action, resource as Partial<YouthRef> | undefined);
    if (typeof ref.district !== 'string' || !inDistricts(principal, ref.district)) {
      throw ref.youthId !== undefined
        ? notFound('youth', ref.youthId)
        : notFound('district', String(ref.district));
    }
    return { districts: principal.districts };
  },
  candidatesInOwnDistricts: (principal, action, resource) => {
    required(action, resource as VacancyRef | undefined);
    // Any vacancy may suit youth of the counsellor's districts; only those youth are listed.
    return { districts: principal.districts };
  },
  ownVacancy: (principal, action, resource) => {
    const vacancy = required(action, resource as VacancyRef | undefined);
    if (!principal.employerId || vacancy.employerId !== principal.employerId) {
      throw notFound('vacancy', vacancy.vacancyId);
    }
    return {};
  },
  ownUploadKind: (principal, action, resource) => {
    const request = required(action, resource as UploadRequest | undefined);
    const allowed = UPLOAD_KIND_OF_ROLE[principal.role];
    if (request.kind !== allowed) {
      throw new ForbiddenError(
        `${withArticle(principal.role)} may upload ${allowed ?? 'nothing'}, not ${request.kind}`,
      );
    }
    return { ownerId: uploadOwnerId(principal) };
  },
  anyUploadKind: (principal, action, resource) => {
    const request = required(action, resource as UploadRequest | undefined);
    if (!(RECORD_KINDS as readonly string[]).includes(request.kind)) {
      throw new ForbiddenError(`unknown upload kind ${request.kind}`);
    }
    return { ownerId: uploadOwnerId(principal) };
  },
  ownUpload: (principal, action, resource) => {
    const upload = required(action, resource as UploadRef | undefined);
    const ownerId = uploadOwnerId(principal);
    if (upload.ownerId !== ownerId) throw notFound('upload', upload.uploadId);
    return { ownerId };
  },
  anyUpload: (_principal, action, resource) => {
    required(action, resource as UploadRef | undefined);
    return {};
  },
  ownUploads: (principal, action, resource) => {
    required(action, resource as OwnerRequest | undefined);
    return { ownerId: uploadOwnerId(principal) };
  },
  ownOpportunities: (principal, action, resource) => {
    required(action, resource as OwnerRequest | undefined);
    if (principal.role === 'employer' && principal.employerId) {
      return { opportunityOwner: { kind: 'job', id: principal.employerId } };
    }
    if (principal.role === 'provider' && principal.providerId) {
      return { opportunityOwner: { kind: 'training', id: principal.providerId } };
    }
    throw new ForbiddenError(`${withArticle(principal.role)} owns no vacancies or training offers`);
  },
  managedDistricts: (principal, _action, resource) => {
    const asked = [...new Set((resource as SummaryRequest | undefined)?.districts ?? [])].sort();
    if (principal.districts.length === 0) return asked.length > 0 ? { districts: asked } : {};
    const outside = asked.filter((d) => !inDistricts(principal, d));
    if (outside.length > 0) {
      // District aggregates are not records about anyone, and district codes are public.
      throw new ForbiddenError(`districts outside the manager's scope: ${outside.join(', ')}`);
    }
    return { districts: asked.length > 0 ? asked : principal.districts };
  },
  recordInDistricts: (principal, action, resource) => {
    const ref = required(action, resource as RecordInDistrict | undefined);
    // A manager without districts is programme-wide; everyone else acts within their districts.
    if (principal.districts.length > 0 && !inDistricts(principal, ref.district))
      throw notFound(ref.record, ref.id);
    return principal.districts.length > 0 ? { districts: principal.districts } : {};
  },
  ownDistrictList: (principal, _action, resource) => {
    const asked = [...new Set((resource as SummaryRequest | undefined)?.districts ?? [])].sort();
    const outside = asked.find((d) => !inDistricts(principal, d));
    if (outside !== undefined) throw notFound('district', outside);
    return { districts: asked.length > 0 ? asked : principal.districts };
  },
  anyYouth: (_principal, action, resource) => {
    required(action, resource as YouthRef | undefined);
    return {};
  },
};

/**
 * Allows the action or throws: ForbiddenError when the role never has it (or asks for an upload
 * kind or summary scope it lacks), NotFoundError when the record is outside the caller's scope.
 */
export function authorize<A extends Action>(
  principal: Principal,
  action: A,
  resource?: ActionResources[A],
): AccessDecision {
  const rules: Partial<Record<Role, Scope>> | undefined = POLICY[action];
  if (!rules) throw new TypeError(`unknown action ${String(action)}`);
  const scope = rules[principal.role];
  if (!scope) throw new ForbiddenError(`${withArticle(principal.role)} may not ${action}`);
  const limits = SCOPES[scope](principal, action, resource);
  return { action, role: principal.role, subject: principal.subject, ...limits };
}

/** Whether a record of this district may appear in the decision's results (list filters). */
export function decisionCoversDistrict(decision: AccessDecision, district: string): boolean {
  return decision.districts === undefined || decision.districts.includes(district);
}

/** "an employer", "an admin", "a counsellor": error messages are read by people. */
function withArticle(role: string): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}
