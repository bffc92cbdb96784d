/** Lambda entry: rematches one batch of the nightly plan and returns counts and its audit tally. */
import { readRematchConfig } from '#functions/shared/config';
import { createRematchDeps } from './deps.ts';
import { makeRematchBatchHandler } from './rematch.ts';

export const handler = makeRematchBatchHandler(createRematchDeps(readRematchConfig(process.env)));
