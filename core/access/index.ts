/** Identity, authorization and per-role views: the access surface the API handlers use. */
export { ForbiddenError, UnauthorizedError } from './errors.ts';
export {
  ACTIONS,
  type AccessDecision,
  type Action,
  type ActionResources,
  type AnyResource,
  authorize,
  type DistrictRef,
  decisionCoversDistrict,
  type HiddenRecord,
  notFound,
  POLICY,
  rolesFor,
  type Scope,
  type SummaryRequest,
  UPLOAD_KIND_OF_ROLE,
  type UploadRef,
  type UploadRequest,
  uploadOwnerId,
  type VacancyRef,
  type YouthRef,
} from './policy.ts';
export {
  CLAIM,
  type Claims,
  claimList,
  districtsFromClaim,
  type Principal,
  principalFromClaims,
  ROLES,
  type Role,
  roleFromGroups,
} from './principal.ts';
export * from './projections.ts';
