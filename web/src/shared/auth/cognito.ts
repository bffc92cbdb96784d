/**
 * Cognito Hosted UI sign-in: the authorization code flow with PKCE (RFC 7636) for a public client
 * (no secret in the browser). The verifier and state wait in sessionStorage for the callback.
 */
import type { WebAuthConfig } from '#infra/web/policy';
import { AUTH_CALLBACK_PATH } from '#infra/web/policy';

type CognitoConfig = Extract<WebAuthConfig, { kind: 'cognito' }>;
const PENDING = 'sinergi.pkce';

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function randomText(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function redirectUri(): string {
  return `${location.origin}${AUTH_CALLBACK_PATH}`;
}

export async function startCognitoSignIn(config: CognitoConfig, returnTo: string): Promise<void> {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scopes.join(' '),
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`https://${config.domain}/oauth2/authorize?${params}`);
}

/** The callback: checks state, exchanges the code for tokens, returns the ID token and where to go. */
export async function finishCognitoSignIn(
  config: CognitoConfig,
  search: string,
): Promise<{ idToken: string; returnTo: string }> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) throw new Error(params.get('error_description') ?? params.get('error')!);
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new Error('the sign-in response does not match the request');
  }
  const response = await fetch(`https://${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('no ID token in the response');
  return { idToken: tokens.id_token, returnTo: pending.returnTo };
}

export function cognitoSignOutUrl(config: CognitoConfig): string {
  const params = new URLSearchParams({ client_id: config.clientId, logout_uri: `${location.origin}/` });
  return `https://${config.domain}/logout?${params}`;
}
