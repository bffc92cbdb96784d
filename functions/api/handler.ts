/**
 * Lambda entry of the HTTP API. Configuration and keys are read once, at cold start; a missing
 * variable fails the start with its name. Tests and the local stack build the handler with
 * `makeApiHandler` (./app.ts) and their own dependencies.
 */
import { makeApiHandler } from './app.ts';
import { readApiConfig } from './config.ts';
import { createApiDeps } from './deps.ts';

export { makeApiHandler };

export const handler = makeApiHandler(await createApiDeps(readApiConfig(process.env)));
