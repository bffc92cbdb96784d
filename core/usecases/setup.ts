/** The matching setup the pipeline runs with, built from the shipped reference data. */
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from '../matching/config.ts';
import { centralJavaDistricts, createDistanceMatrix } from '../reference/districts.ts';
import { defaultProgrammeConfig } from '../reference/pilot.ts';
import type { MatchingSetup } from './rematch.ts';

const ALL_DISTRICTS = centralJavaDistricts.map((d) => d.code);
const DISTANCES = createDistanceMatrix(ALL_DISTRICTS);

export interface SetupOptions {
  pilotDistricts?: readonly string[];
  config?: MatchConfig;
  blockSize?: number;
}

/**
 * Youth of the pilot districts, opportunities anywhere in Central Java (employers and institutes
 * next to the pilot area take pilot youth too), straight-line distances between district capitals.
 */
export function createMatchingSetup(options: SetupOptions = {}): MatchingSetup {
  return {
    config: options.config ?? DEFAULT_MATCH_CONFIG,
    distance: DISTANCES,
    youthDistricts: [...(options.pilotDistricts ?? defaultProgrammeConfig.pilotDistricts)],
    opportunityDistricts: ALL_DISTRICTS,
    ...(options.blockSize !== undefined && { blockSize: options.blockSize }),
  };
}
