/** Lambda entry: plans the nightly rematch as one batch per pilot district. */
import { readRematchConfig } from '#functions/shared/config';
import { createRematchDeps } from './deps.ts';
import { makeRematchPlanHandler } from './rematch.ts';

export const handler = makeRematchPlanHandler(createRematchDeps(readRematchConfig(process.env)));
