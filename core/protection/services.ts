/**
 * The district directory of services a complaint case can be referred to: labour mediation at the
 * district manpower office (Disnaker), services for women and children facing violence (UPTD PPA),
 * legal aid. Configured per deployment; the shipped directory holds placeholders marked as examples,
 * never real contacts (docs/protection.md says how to replace it).
 */
import { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';
import example from './data/service-directory.example.json' with { type: 'json' };

export const SERVICE_KINDS = ['labour_mediation', 'violence_support', 'legal_aid', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'lower-case letters, digits and "-", 2-60 characters'),
  kind: z.enum(SERVICE_KINDS),
  name: z.string().min(1).max(200),
  /** BPS district codes served, or "*" for every district. */
  districts: z.union([z.literal('*'), z.array(z.string().regex(/^\d{4}$/)).min(1)]),
  contact: z.string().min(1).max(500),
  /** True for the shipped placeholders: not a real service, never to be given to a youth as one. */
  example: z.boolean(),
});

const directorySchema = z.strictObject({ services: z.array(serviceSchema) }).superRefine((d, ctx) => {
  const seen = new Set<string>();
  d.services.forEach((s, i) => {
    if (seen.has(s.id))
      ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate id ${s.id}` });
    seen.add(s.id);
  });
});

export type SupportService = z.infer<typeof serviceSchema>;
export type ServiceDirectory = z.infer<typeof directorySchema>;

/** A directory from configuration; every problem is reported at once. */
export function parseServiceDirectory(raw: unknown): ServiceDirectory {
  const parsed = directorySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      field: ['services', ...issue.path].join('.'),
      reason: issue.message,
    })),
  );
}

/** The placeholder directory shipped with the code: every entry is marked `example: true`. */
export const EXAMPLE_SERVICE_DIRECTORY: ServiceDirectory = parseServiceDirectory(example);

function serves(service: SupportService, district: string): boolean {
  return service.districts === '*' || service.districts.includes(district);
}

export function servicesFor(directory: ServiceDirectory, district: string): SupportService[] {
  return directory.services.filter((s) => serves(s, district));
}

export function serviceFor(
  directory: ServiceDirectory,
  id: string,
  district: string,
): SupportService | undefined {
  const service = directory.services.find((s) => s.id === id);
  return service && serves(service, district) ? service : undefined;
}
