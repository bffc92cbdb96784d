/**
 * Reading the verified identity from an HTTP API (payload v2) event. On AWS the JWT authorizer has
 * already checked the token; locally the local stack's verifier builds the same request context.
 */
import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';
import { UnauthorizedError } from '#core/access/errors';
import { type Principal, principalFromClaims } from '#core/access/principal';

/** Claims as the authorizer hands them to the function: every value a string. */
export type AuthorizerClaims = Record<string, string>;

function asAuthorizerValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(String).join(' ')}]`;
  return String(value);
}

/**
 * The claims of the event's JWT authorizer, every value in the authorizer's string form (arrays in
 * hand-built test events are rendered `"[a b]"` too, so one parser serves both).
 */
export function claimsFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): AuthorizerClaims {
  const claims: unknown = event.requestContext?.authorizer?.jwt?.claims;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new UnauthorizedError('the request carries no verified identity');
  }
  const result: AuthorizerClaims = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value !== null && value !== undefined) result[name] = asAuthorizerValue(value);
  }
  return result;
}

export function principalFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  return principalFromClaims(claimsFromEvent(event));
}

/** The `requestContext.authorizer` the HTTP API puts on an event for a verified ID token. */
export function jwtAuthorizerContext(claims: AuthorizerClaims): APIGatewayEventRequestContextJWTAuthorizer {
  // ID tokens carry no OAuth scopes; the authorizer then reports none.
  return { principalId: '', integrationLatency: 0, jwt: { claims: { ...claims }, scopes: null } };
}
