/**
 * Writes openapi/openapi.json from the API's routes and zod schemas:
 * `npx tsx openapi/generate.ts && npx biome format --write openapi/openapi.json`.
 */
import { writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from '#functions/api/openapi';

const target = new URL('./openapi.json', import.meta.url);
await writeFile(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
