/**
 * The web workspace on the local API's origin, as CloudFront serves it on AWS: the built app
 * (`web/dist`) with the same security headers, `index.html` for any other page path so the app's
 * own router takes over, `/config.json` saying how to sign in, and the development sign-in's token
 * endpoint. That endpoint exists only here: the deployed stack has no route for it (a CDK
 * assertion in test/infra/web.test.ts), and its config sends people to Cognito instead.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ForbiddenError } from '#core/access/errors';
import { ROLES } from '#core/access/principal';
import { districtCode, recordId } from '#functions/api/schemas';
import {
  contentSecurityPolicy,
  LOCAL_TOKEN_PATH,
  WEB_SECURITY_HEADERS,
  type WebRuntimeConfig,
} from '#infra/web/policy';
import type { LocalRequest } from './api-server.ts';
import { type DevSigningKey, signDevToken } from './auth/dev-tokens.ts';

export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface LocalWebSiteOptions {
  /** The built app: the directory holding `index.html` and `assets/`. */
  root: string;
  signingKey: DevSigningKey;
  /** Other origins the app talks to (the S3 emulator for presigned uploads). */
  connectOrigins?: readonly string[];
  now?: () => number;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export const devTokenBody = z.strictObject({
  role: z.enum(ROLES),
  districts: z.array(districtCode).max(40).optional(),
  employerId: recordId.optional(),
  providerId: recordId.optional(),
});

/** True when the built app is there to serve. */
export function hasWebBuild(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

export function localWebSite(options: LocalWebSiteOptions) {
  const root = resolve(options.root);
  const now = options.now ?? Date.now;
  const headers = {
    ...WEB_SECURITY_HEADERS,
    'content-security-policy': contentSecurityPolicy({
      ...(options.connectOrigins && { connectOrigins: options.connectOrigins }),
    }),
  };
  const config: WebRuntimeConfig = { stage: 'local', auth: { kind: 'local', tokenPath: LOCAL_TOKEN_PATH } };

  const json = (status: number, body: unknown): LocalResponse => ({
    status,
    headers: { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  });

  const token = (request: LocalRequest): LocalResponse => {
    let raw: unknown;
    try {
      raw = JSON.parse(request.body.toString('utf8'));
    } catch {
      return json(400, { message: 'the body must be JSON' });
    }
    const parsed = devTokenBody.safeParse(raw);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      return json(400, { message: reasons.join('; ') });
    }
    const { role, districts, employerId, providerId } = parsed.data;
    try {
      const idToken = signDevToken(options.signingKey, {
        role,
        ...(districts && { districts }),
        ...(employerId !== undefined && { employerId }),
        ...(providerId !== undefined && { providerId }),
        now: now(),
      });
      return json(200, { idToken });
    } catch (error) {
      if (error instanceof ForbiddenError) return json(400, { message: error.message });
      throw error;
    }
  };

  const file = (path: string, cache: string): LocalResponse => ({
    status: 200,
    headers: {
      ...headers,
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': cache,
    },
    body: readFileSync(path),
  });

  /** The response for a request outside `/v1/`, or undefined when the site has nothing there. */
  return (request: LocalRequest): LocalResponse | undefined => {
    if (request.rawPath === LOCAL_TOKEN_PATH) {
      return request.method === 'POST' ? token(request) : json(405, { message: 'Method Not Allowed' });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (request.rawPath === '/config.json') return json(200, config);
    let decoded: string;
    try {
      decoded = decodeURIComponent(request.rawPath);
    } catch {
      return undefined;
    }
    const target = normalize(join(root, decoded));
    if (target !== root && !target.startsWith(root + sep)) return undefined;
    if (existsSync(target) && statSync(target).isFile()) {
      // Hashed file names under assets/ never change; everything else is checked on every load.
      return file(
        target,
        decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    }
    // A page path (no file extension) is the app's to route.
    if (extname(decoded) === '' && hasWebBuild(root)) return file(join(root, 'index.html'), 'no-cache');
    return undefined;
  };
}

export type LocalWebSite = ReturnType<typeof localWebSite>;
