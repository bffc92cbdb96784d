import { fileURLToPath } from 'node:url';
import { makeApiHandler } from '#functions/api/app';
import { readApiConfig } from '#functions/api/config';
import { createApiDeps } from '#functions/api/deps';
import { ASSESSMENT_APP_PATH } from '#infra/stacks/config';
import { type LocalApiHandler, startApiServer } from './api-server.ts';
import { devJwks, loadOrCreateDevSigningKey } from './auth/dev-tokens.ts';
import type { LocalApiStarter } from './stack.ts';
import { hasWebBuild, localWebSite } from './web-site.ts';

/** Where `npm run build:web` writes the web workspace. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The HTTP API joins the local stack here: the API function (functions/api) behind the local
 * stand-in for API Gateway, verifying tokens from `sinergi token` with the data directory's dev key.
 * When the web workspace is built, the same server serves it (infra/local/web-site.ts).
 */
export function localApiStarter(options: { webRoot?: string } = {}): LocalApiStarter {
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  return async (context) => {
    const config = readApiConfig({
      TABLE_NAME: context.tableName,
      UPLOADS_BUCKET: context.bucket,
      STAGE: 'local',
      POWERTOOLS_SERVICE_NAME: 'sinergi-api',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      PILOT_DISTRICTS: context.pilotDistricts.join(','),
      NIK_KEY: context.nikKey,
    });
    const deps = await createApiDeps(config, { dynamodb: context.dynamodb, s3: context.s3 });
    const signingKey = await loadOrCreateDevSigningKey(context.dataDir);
    const web = hasWebBuild(webRoot);
    const server = await startApiServer({
      handler: makeApiHandler(deps) as LocalApiHandler,
      port: context.port,
      jwks: devJwks(signingKey),
      ...(web && {
        site: localWebSite({ root: webRoot, signingKey, connectOrigins: [context.s3Endpoint] }),
      }),
    });
    // Invitation links point at the app this server serves; its port is known only now.
    if (web) deps.assessmentAppUrl = new URL(ASSESSMENT_APP_PATH, server.url).href;
    return { endpoint: server.url, ...(web && { web: `${server.url}/` }), close: () => server.close() };
  };
}

export const startLocalApi: LocalApiStarter = localApiStarter();
