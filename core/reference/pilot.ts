/**
 * Programme configuration: which districts the programme phase runs in and how straight-line
 * distances become commute estimates. Validated once, where the configuration is read.
 */
import { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';
import { DEFAULT_ROAD_FACTOR, getDistrict } from './districts.ts';
import { zodIssues } from './schema.ts';

/**
 * SINERGI phase 2 default: a spread over the province's poorest western and southern regencies,
 * the north-east, the Solo area and the provincial capital, where DTSEN youth and vacancies meet.
 */
export const DEFAULT_PILOT_DISTRICTS = [
  '3301', // Kabupaten Cilacap
  '3302', // Kabupaten Banyumas
  '3305', // Kabupaten Kebumen
  '3307', // Kabupaten Wonosobo
  '3310', // Kabupaten Klaten
  '3315', // Kabupaten Grobogan
  '3316', // Kabupaten Blora
  '3327', // Kabupaten Pemalang
  '3329', // Kabupaten Brebes
  '3372', // Kota Surakarta
  '3374', // Kota Semarang
] as const;

const programmeConfigSchema = z.object({
  programme: z.string().trim().min(1).default('SINERGI-2'),
  pilotDistricts: z
    .array(z.string().trim())
    .min(1)
    .default([...DEFAULT_PILOT_DISTRICTS])
    .superRefine((codes, ctx) => {
      const seen = new Set<string>();
      codes.forEach((code, i) => {
        if (!getDistrict(code)) {
          ctx.addIssue({ code: 'custom', path: [i], message: `unknown Jawa Tengah district code "${code}"` });
        }
        if (seen.has(code))
          ctx.addIssue({ code: 'custom', path: [i], message: `district "${code}" listed twice` });
        seen.add(code);
      });
    }),
  /** Commute km = straight-line km x roadFactor. */
  roadFactor: z.number().min(1).max(3).default(DEFAULT_ROAD_FACTOR),
});

export type ProgrammeConfig = z.output<typeof programmeConfigSchema>;

/** Parses a configuration object; throws ValidationError with every problem found. */
export function parseProgrammeConfig(input: unknown = {}): ProgrammeConfig {
  const parsed = programmeConfigSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, 'programme config'));
  return parsed.data;
}

export const defaultProgrammeConfig: ProgrammeConfig = Object.freeze(parseProgrammeConfig());

export function isPilotDistrict(config: Pick<ProgrammeConfig, 'pilotDistricts'>, code: string): boolean {
  return config.pilotDistricts.includes(code);
}
