/** The deployment's settings, read once at start from `/config.json` (how to sign in). */
import type { WebRuntimeConfig } from '#infra/web/policy';

export type { WebAuthConfig, WebRuntimeConfig } from '#infra/web/policy';

export async function loadRuntimeConfig(): Promise<WebRuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return (await response.json()) as WebRuntimeConfig;
}
