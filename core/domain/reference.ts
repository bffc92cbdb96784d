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
  /**
   * `unit_group`: this code's own profile. Otherwise the code has no profile of its own and the
   * profile is estimated from the unit groups of its ISCO-08 minor (3-digit) or sub-major (2-digit)
   * group; absent means `unit_group`.
   */
  basis?: 'unit_group' | 'minor_group' | 'sub_major_group';
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
