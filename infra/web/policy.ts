/**
 * The security headers of the web workspace, one definition for both places that serve it: the
 * CloudFront response headers policy (infra/stacks/web-stack.ts) and the local stack's server
 * (infra/local/web-site.ts), so a page that breaks the policy breaks in the browser tests first.
 *
 * Scripts only from the app's own origin (no inline script, no eval). Styles allow inline `style`
 * attributes because the charting library (Observable Plot) sets them on the SVG it draws; no
 * stylesheet or script is loaded from elsewhere. `connect-src` names the few other origins the app
 * talks to: the Cognito domain (token exchange) and the uploads bucket (presigned PUT).
 */

export interface WebPolicyOptions {
  /** Origins besides 'self' the app may fetch from (`https://host` or `http://127.0.0.1:port`). */
  connectOrigins?: readonly string[];
  /** Origins a form may post to or the app may navigate a sign-in to. */
  formOrigins?: readonly string[];
}

export function contentSecurityPolicy(options: WebPolicyOptions = {}): string {
  const connect = ["'self'", ...(options.connectOrigins ?? [])].join(' ');
  const form = ["'self'", ...(options.formOrigins ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    `form-action ${form}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers besides the policy, by their HTTP names. */
export const WEB_SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const;

/** What the app reads from `/config.json` at start: how to sign in, and where. */
export type WebAuthConfig =
  | { kind: 'local'; tokenPath: string }
  | { kind: 'cognito'; domain: string; clientId: string; scopes: readonly string[] };

export interface WebRuntimeConfig {
  stage: string;
  auth: WebAuthConfig;
}

/** The path of the local stack's development token endpoint; the deployed stack has none. */
export const LOCAL_TOKEN_PATH = '/local/token';
/** Where Cognito sends the browser back with the authorization code. */
export const AUTH_CALLBACK_PATH = '/auth/callback';

/** OAuth scopes the app asks Cognito for: an ID token with the user's attributes. */
export const WEB_SCOPES = ['openid', 'email', 'profile'] as const;

/** The Hosted UI callback and sign-out URLs of the app at its one origin (`corsOrigin`). */
export function webAuthUrls(origin: string): { callbackUrls: string[]; logoutUrls: string[] } {
  return { callbackUrls: [`${origin}${AUTH_CALLBACK_PATH}`], logoutUrls: [`${origin}/`] };
}
