import { describe, expect, it } from 'vitest';
import { checkWage, formatRupiah, UMK_TABLES, umkFor } from '#core/protection/umk';
import { centralJavaDistricts } from '#core/reference/districts';

describe('the 2026 UMK table of Jawa Tengah', () => {
  const table = UMK_TABLES.find((t) => t.version.startsWith('jateng-umk-2026'))!;

  it('names its legal basis and covers exactly the 35 districts of the province', () => {
    expect(table.legalBasis).toContain('100.3.3.1/505 Tahun 2025');
    expect([...table.entries.keys()].sort()).toEqual(centralJavaDistricts.map((d) => d.code).sort());
    for (const entry of table.entries.values()) expect(entry.monthlyIdr).toBeGreaterThan(2_000_000);
  });

  it('holds the decree figures: highest Kota Semarang, lowest Banjarnegara, decimals kept', () => {
    expect(umkFor('3374', '2026-06-01')?.monthlyIdr).toBe(3_701_709);
    expect(umkFor('3304', '2026-06-01')?.monthlyIdr).toBe(2_327_813.08);
    expect(umkFor('3302', '2026-06-01')?.monthlyIdr).toBe(2_474_598.99);
    const amounts = [...table.entries.values()].map((e) => e.monthlyIdr!);
    expect(Math.max(...amounts)).toBe(3_701_709);
    expect(Math.min(...amounts)).toBe(2_327_813.08);
  });

  it('marks the one figure not read from a complete list of the decree', () => {
    const partial = [...table.entries.values()].filter((e) => e.confirmation !== 'listed');
    expect(partial.map((e) => e.code)).toEqual(['3326']);
    expect(partial[0]!.note).toMatch(/radarpekalongan/);
  });

  it('is in force from 1 January to 31 December 2026 only', () => {
    expect(umkFor('3374', '2026-01-01')).toBeDefined();
    expect(umkFor('3374', '2026-12-31')).toBeDefined();
    expect(umkFor('3374', '2025-12-31')).toBeUndefined();
    expect(umkFor('3374', '2027-01-01')).toBeUndefined();
    expect(umkFor('3501', '2026-06-01')).toBeUndefined();
  });
});

describe('checkWage at its boundaries', () => {
  it.each([
    [3_701_709, 'at_or_above_umk'],
    [3_701_708.99, 'below_umk'],
    [3_701_708, 'below_umk'],
    [3_800_000, 'at_or_above_umk'],
  ] as const)('Kota Semarang, wage %d -> %s', (wage, status) => {
    expect(checkWage(wage, '3374', '2026-12-01').status).toBe(status);
  });

  it('says when there is no wage or no UMK to compare with', () => {
    expect(checkWage(undefined, '3374', '2026-12-01')).toEqual({ status: 'no_wage' });
    expect(checkWage(1_000_000, '3374', '2027-02-01')).toEqual({ status: 'no_umk', wageMinIdr: 1_000_000 });
  });
});

describe('formatRupiah', () => {
  it.each([
    [3_701_709, 'Rp 3.701.709'],
    [2_474_598.99, 'Rp 2.474.598,99'],
    [150_000, 'Rp 150.000'],
    [0, 'Rp 0'],
  ])('%d -> %s', (amount, text) => expect(formatRupiah(amount)).toBe(text));
});
