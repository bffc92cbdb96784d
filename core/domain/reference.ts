/** Reference data the matcher looks things up in; built from files by adapters, passed in as data. */
import type { RiasecVector } from './riasec.ts';

export interface OccupationInfo {
  /** ISCO-08 unit group (4 digits), also used as KBJI 2014 code. */
  code: string;
  title: string;
  /** Mean O*NET interest profile (1-7) over the O*NET occupations that feed this unit group. */
  riasec: RiasecVector;
  /** Standard deviation of each scale across those occupations: how uncertain the mean is. */
  spread: RiasecVector;
  /** O*NET job zone 1..5 (rounded weighted median). */
  jobZone: number;
  /** How many O*NET occupations feed the profile. */
  onetCount: number;
}

export type OccupationLookup = (code: string) => OccupationInfo | undefined;

export interface District {
  /** BPS code, 4 digits. */
  code: string;
  name: string;
  kind: 'kabupaten' | 'kota';
  capital: string;
  lat: number;
  lon: number;
}

/** Distance in km between two districts' capitals; undefined for an unknown code. */
export type DistanceLookup = (from: string, to: string) => number | undefined;
