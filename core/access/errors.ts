import { DomainError } from '../domain/errors.ts';

/** The request does not identify anyone: no token, a bad token, or claims that name no subject (-> 401). */
export class UnauthorizedError extends DomainError {
  override name = 'UnauthorizedError';
}

/**
 * The caller is known but may not do this (-> 403). Only used where refusing reveals nothing about
 * stored data: a role that never has the action, or an account whose attributes are incomplete.
 * A record outside the caller's scope is a NotFoundError instead.
 */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}
