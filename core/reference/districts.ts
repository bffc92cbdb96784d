/**
 * The 35 regencies (kabupaten) and cities (kota) of Jawa Tengah, keyed by BPS code, and distances
 * between them. A distance is the great-circle (straight-line) distance between the capitals: it
 * underestimates travel, so commute estimates multiply it by a configurable road factor.
 */
import { z } from 'zod';
import { type Issue, ValidationError } from '../domain/errors.ts';
import type { DistanceLookup, District } from '../domain/reference.ts';
import generated from './data/districts.json' with { type: 'json' };
import { zodIssues } from './schema.ts';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Roads in Central Java's hills and along its coast run about 30% longer than the straight line. */
export const DEFAULT_ROAD_FACTOR = 1.3;

const districtSchema = z.object({
  code: z.string().regex(/^33\d{2}$/, 'a Jawa Tengah BPS code is 33 followed by 2 digits'),
  name: z.string().regex(/^(Kabupaten|Kota) \S/),
  kind: z.enum(['kabupaten', 'kota']),
  capital: z.string().min(1),
  lat: z.number().min(-9).max(-5),
  lon: z.number().min(108).max(112),
});

const districtTableSchema = z
  .object({ header: z.record(z.string(), z.string()), districts: z.array(districtSchema).min(1) })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.districts.forEach((d, i) => {
      if (seen.has(d.code))
        ctx.addIssue({ code: 'custom', path: ['districts', i, 'code'], message: 'duplicate' });
      seen.add(d.code);
      // Kota codes start at 71 in every BPS province; the name and the kind must agree with it.
      const expected = Number(d.code.slice(2)) >= 71 ? 'kota' : 'kabupaten';
      if (d.kind !== expected || !d.name.toLowerCase().startsWith(expected)) {
        ctx.addIssue({
          code: 'custom',
          path: ['districts', i, 'kind'],
          message: `${d.code} is a ${expected}`,
        });
      }
    });
  });

function loadDistricts(table: unknown): readonly District[] {
  const parsed = districtTableSchema.safeParse(table);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, 'districts.json'));
  return Object.freeze(parsed.data.districts.map((d) => Object.freeze({ ...d })));
}

/** All 35 districts of Jawa Tengah, sorted by BPS code. */
export const centralJavaDistricts: readonly District[] = loadDistricts(generated);

const byCode = new Map(centralJavaDistricts.map((d) => [d.code, d]));

export function getDistrict(code: string): District | undefined {
  return byCode.get(code);
}

export function isKnownDistrict(code: string): boolean {
  return byCode.has(code);
}

const radians = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km, unrounded. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const round1 = (km: number) => Math.round(km * 10) / 10;

export interface DistanceMatrix {
  /** The codes in index order, as given. */
  readonly codes: readonly string[];
  /** Row-major n x n straight-line distances in km, rounded to 0.1 km. */
  readonly km: Float64Array;
  /** Index of a code, -1 when it is not in the matrix. */
  indexOf(code: string): number;
  /** Distance between two indexes; no bounds check, for hot loops. */
  at(from: number, to: number): number;
  /** Same contract as `districtDistance`, answered from the matrix. */
  readonly lookup: DistanceLookup;
}

/**
 * Precomputes the distances between the given districts once, for matchers that compare many
 * youth-opportunity pairs. Unknown or repeated codes are a ValidationError listing all of them.
 */
export function createDistanceMatrix(codes: readonly string[]): DistanceMatrix {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (!byCode.has(code)) issues.push({ field: `codes.${i}`, reason: `unknown district code ${code}` });
    if (seen.has(code)) issues.push({ field: `codes.${i}`, reason: `district code ${code} listed twice` });
    seen.add(code);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const n = codes.length;
  const districts = codes.map((code) => byCode.get(code)!);
  const km = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const d = round1(haversineKm(districts[i]!, districts[j]!));
      km[i * n + j] = d;
      km[j * n + i] = d;
    }
  }
  const index = new Map(codes.map((code, i) => [code, i]));
  const indexOf = (code: string) => index.get(code) ?? -1;
  const at = (from: number, to: number) => km[from * n + to]!;
  const lookup: DistanceLookup = (from, to) => {
    const i = index.get(from);
    const j = index.get(to);
    return i === undefined || j === undefined ? undefined : at(i, j);
  };
  return { codes: Object.freeze([...codes]), km, indexOf, at, lookup };
}

const allDistricts = createDistanceMatrix(centralJavaDistricts.map((d) => d.code));

/** Straight-line km between two districts' capitals, rounded to 0.1; 0 for the same district. */
export function distanceKm(from: string, to: string): number | undefined {
  return allDistricts.lookup(from, to);
}

export const districtDistance: DistanceLookup = distanceKm;

/** Estimated travel km: the straight line times the road factor, rounded to 0.1. */
export function commuteKm(
  from: string,
  to: string,
  roadFactor: number = DEFAULT_ROAD_FACTOR,
): number | undefined {
  if (!Number.isFinite(roadFactor) || roadFactor < 1) {
    throw new RangeError(
      `a road factor is at least 1 (roads are never shorter than the straight line): ${roadFactor}`,
    );
  }
  const km = distanceKm(from, to);
  return km === undefined ? undefined : round1(km * roadFactor);
}
