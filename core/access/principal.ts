/**
 * Who is calling, in domain terms, derived from identity-token claims. The claims come from the
 * HTTP API JWT authorizer (or the local stack's verifier, which produces the same shape), so array
 * claims may arrive as the authorizer's `"[a b]"` string.
 */
import { ForbiddenError, UnauthorizedError } from './errors.ts';

export const ROLES = ['counsellor', 'employer', 'provider', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The identity provider's stable user id (`sub`); recorded as the actor of outcomes. */
  subject: string;
  role: Role;
  /** BPS district codes. Counsellors: at least one. Managers: empty means every district. Others: empty. */
  districts: readonly string[];
  employerId?: string;
  providerId?: string;
}

/** Claim values as the authorizer or a decoded token may carry them. */
export type Claims = Readonly<Record<string, unknown>>;

export const CLAIM = {
  subject: 'sub',
  tokenUse: 'token_use',
  groups: 'cognito:groups',
  districts: 'custom:districts',
  employerId: 'custom:employer_id',
  providerId: 'custom:provider_id',
} as const;

const BPS_DISTRICT = /^\d{4}$/;
/** Same bound as record identifiers in uploads; control characters would corrupt keys and logs. */
const OWNER_ID = /^[^\p{Cc}]{1,100}$/u;

/**
 * Reads a list claim in any of the forms it reaches us in: a JSON array (decoded token), the
 * authorizer's `"[a b]"` rendering, a JSON array text, or a single value. Cognito group names
 * cannot contain whitespace, so splitting the bracket form on whitespace is lossless.
 */
export function claimList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return claimList(parsed);
      } catch {
        // Not JSON after all: fall through to the authorizer's space-separated form.
      }
    }
    return inner.split(/\s+/).filter((v) => v !== '');
  }
  return text === '' ? [] : [text];
}

function isRole(group: string): group is Role {
  return (ROLES as readonly string[]).includes(group);
}

/**
 * One account, one role. Groups that are not programme roles (e.g. a federated identity group) are
 * ignored. Two or more programme roles are refused rather than merged, because a union of scopes
 * (an employer who is also a counsellor) would show employers what only counsellors may see. The
 * one exception is `admin`: an admin account that is also in another group acts as admin only,
 * which widens nothing, as admin already has the data-subject powers and none of the other scopes.
 */
export function roleFromGroups(groups: readonly string[]): Role {
  const roles = [...new Set(groups.filter(isRole))];
  if (roles.length === 1) return roles[0]!;
  if (roles.length === 0) throw new ForbiddenError('the account has no programme role');
  if (roles.includes('admin')) return 'admin';
  throw new ForbiddenError(
    `the account has several programme roles (${roles.sort().join(', ')}); exactly one is allowed`,
  );
}

/** Comma- or space-separated BPS codes, or an array of them; sorted and without duplicates. */
export function districtsFromClaim(value: unknown): string[] {
  const codes = claimList(value)
    .flatMap((entry) => entry.split(/[\s,]+/))
    .filter((c) => c !== '');
  if (codes.some((code) => !BPS_DISTRICT.test(code))) {
    throw new ForbiddenError(`${CLAIM.districts} must list 4-digit BPS district codes`);
  }
  return [...new Set(codes)].sort();
}

function ownerIdClaim(claims: Claims, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (!OWNER_ID.test(text)) throw new ForbiddenError(`${name} is not a valid identifier`);
  return text;
}

function subjectOf(claims: Claims): string {
  const sub = claims[CLAIM.subject];
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw new UnauthorizedError('the token names no subject');
  }
  return sub;
}

/**
 * The principal the claims describe. Only ID tokens carry the `custom:*` attributes, so an access
 * token is refused outright instead of failing later as an account without districts.
 */
export function principalFromClaims(claims: Claims): Principal {
  const subject = subjectOf(claims);
  const tokenUse = claims[CLAIM.tokenUse];
  if (tokenUse !== undefined && tokenUse !== 'id') {
    throw new UnauthorizedError('an ID token is required');
  }
  const role = roleFromGroups(claimList(claims[CLAIM.groups]));
  switch (role) {
    case 'counsellor': {
      const districts = districtsFromClaim(claims[CLAIM.districts]);
      if (districts.length === 0) {
        throw new ForbiddenError(`a counsellor account needs ${CLAIM.districts}`);
      }
      return { subject, role, districts };
    }
    case 'manager':
      return { subject, role, districts: districtsFromClaim(claims[CLAIM.districts]) };
    case 'employer': {
      const employerId = ownerIdClaim(claims, CLAIM.employerId);
      if (!employerId) throw new ForbiddenError(`an employer account needs ${CLAIM.employerId}`);
      return { subject, role, districts: [], employerId };
    }
    case 'provider': {
      const providerId = ownerIdClaim(claims, CLAIM.providerId);
      if (!providerId) throw new ForbiddenError(`a provider account needs ${CLAIM.providerId}`);
      return { subject, role, districts: [], providerId };
    }
    case 'admin':
      return { subject, role, districts: [] };
  }
}
