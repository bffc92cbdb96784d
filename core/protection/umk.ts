/**
 * District minimum wages (UMK) of Jawa Tengah, one versioned table per year with its legal source
 * (docs/reference-data.md). A wage is compared with the table in force on the programme date; a
 * district or a date no table covers has no UMK, and the comparison says so instead of guessing.
 */
import { z } from 'zod';
import type { IsoDate } from '../domain/calendar.ts';
import umk2026 from './data/umk-jateng-2026.json' with { type: 'json' };

const entrySchema = z.object({
  code: z.string().regex(/^33\d{2}$/),
  name: z.string().min(1),
  /** Absent when no source could be found for the district: then there is no UMK to compare with. */
  monthlyIdr: z.number().positive().nullable(),
  confirmation: z.enum(['listed', 'partial', 'not_found']),
  note: z.string().optional(),
});

const tableSchema = z.object({
  header: z.object({
    title: z.string(),
    version: z.string().min(1),
    validFrom: z.iso.date(),
    validTo: z.iso.date(),
    legalBasis: z.string().min(1),
    transcribedFrom: z.array(z.string()).min(1),
    caveat: z.string(),
    unit: z.string(),
  }),
  entries: z.array(entrySchema).min(1),
});

export type UmkEntry = z.infer<typeof entrySchema>;
export interface UmkTable {
  version: string;
  validFrom: IsoDate;
  validTo: IsoDate;
  legalBasis: string;
  entries: ReadonlyMap<string, UmkEntry>;
}

function loadTable(raw: unknown): UmkTable {
  const parsed = tableSchema.parse(raw);
  const entries = new Map<string, UmkEntry>();
  for (const entry of parsed.entries) {
    if (entries.has(entry.code)) throw new Error(`UMK table ${parsed.header.version}: ${entry.code} twice`);
    entries.set(entry.code, entry);
  }
  return {
    version: parsed.header.version,
    validFrom: parsed.header.validFrom,
    validTo: parsed.header.validTo,
    legalBasis: parsed.header.legalBasis,
    entries,
  };
}

/** Every table shipped, oldest first. A new year's decree is a new data file added here. */
export const UMK_TABLES: readonly UmkTable[] = [loadTable(umk2026)];

export interface Umk {
  district: string;
  districtName: string;
  monthlyIdr: number;
  tableVersion: string;
  legalBasis: string;
}

/** The UMK in force in a district on a date, or undefined when no table gives one. */
export function umkFor(
  district: string,
  on: IsoDate,
  tables: readonly UmkTable[] = UMK_TABLES,
): Umk | undefined {
  const table = tables.find((t) => t.validFrom <= on && on <= t.validTo);
  const entry = table?.entries.get(district);
  if (!table || !entry || entry.monthlyIdr === null) return undefined;
  return {
    district,
    districtName: entry.name,
    monthlyIdr: entry.monthlyIdr,
    tableVersion: table.version,
    legalBasis: table.legalBasis,
  };
}

export type WageCheck =
  | { status: 'no_wage' }
  | { status: 'no_umk'; wageMinIdr: number }
  | { status: 'below_umk' | 'at_or_above_umk'; wageMinIdr: number; umk: Umk };

/**
 * The stated wage (its lower end when a range is given) against the district's UMK. Equal to the
 * UMK is lawful; one rupiah less is below it.
 */
export function checkWage(
  wageMinIdr: number | undefined,
  district: string,
  on: IsoDate,
  tables: readonly UmkTable[] = UMK_TABLES,
): WageCheck {
  if (wageMinIdr === undefined) return { status: 'no_wage' };
  const umk = umkFor(district, on, tables);
  if (!umk) return { status: 'no_umk', wageMinIdr };
  return { status: wageMinIdr < umk.monthlyIdr ? 'below_umk' : 'at_or_above_umk', wageMinIdr, umk };
}

/** "Rp 2.474.598,99": how the decree and Indonesian readers write amounts. */
export function formatRupiah(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `Rp ${grouped}${cents === '00' ? '' : `,${cents}`}`;
}
