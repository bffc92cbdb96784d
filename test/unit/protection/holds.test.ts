/**
 * Hold rules from the vacancy as a spreadsheet gives it ("Rp" and dot-grouped text), through the
 * record parser, to the holds a manager sees; and how holds and releases survive re-uploads.
 */
import { describe, expect, it } from 'vitest';
import type { Vacancy } from '#core/domain/records';
import {
  addHold,
  type Hold,
  intakeHolds,
  isHeld,
  mergeIntakeHolds,
  releaseHolds,
} from '#core/protection/holds';
import { parseRecords } from '#core/records/parse';
import { translateReason } from '#core/records/reasons';

const ctx = { file: 'lowongan.xlsx' };

const base = {
  vacancy_id: 'V-001',
  employer_id: 'E-01',
  employer_name: 'PT Garmen Sejahtera',
  title: 'Operator Jahit',
  occupation_code: '7533',
  district: '3374',
  openings: 5,
  min_education: 'SMP',
  closing_date: '2026-12-31',
};

function parse(cells: Record<string, unknown>) {
  return parseRecords('vacancies', [{ row: 2, values: { ...base, ...cells } }], ctx);
}

function parsed(cells: Record<string, unknown>): Vacancy {
  const result = parse(cells);
  expect(result.rejected).toEqual([]);
  return result.records[0]!;
}

const codes = (v: Vacancy) => intakeHolds(v, '2026-12-01').map((h) => h.code);

describe('wage cells as spreadsheets hold them', () => {
  it.each([
    ['Rp 3.701.709', 3_701_709],
    ['Rp3.701.709,00', 3_701_709],
    ['3.701.709,-', 3_701_709],
    ['Rp. 2.474.598,99', 2_474_598.99],
    ['3701709', 3_701_709],
    [3_701_709, 3_701_709],
    ['3,7 juta', 3_700_000],
    ['Rp 2,5 jt', 2_500_000],
  ])('Gaji %j -> %d', (cell, amount) => {
    expect(parsed({ Gaji: cell }).wage_monthly_idr).toBe(amount);
  });

  it('refuses thousands written as a monthly wage, with a reason the report shows in Indonesian', () => {
    const result = parse({ gaji: '2.500' });
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ row: 2, field: 'wage_monthly_idr' });
    expect(result.rejected[0]!.reason).toMatch(/^is too small for a monthly wage/);
    expect(translateReason(result.rejected[0]!.reason, 'id')).toEqual({
      text: 'terlalu kecil untuk upah bulanan: tulis jumlah penuh seperti 2.500.000, bukan 2.500, isinya "2.500"',
      translated: true,
    });
  });

  it('refuses text that is not an amount and a maximum below the minimum', () => {
    const result = parse({ gaji: 'UMK', gaji_maks: '2.000.000', jam_kerja: '100' });
    const fields = result.rejected.map((i) => i.field).sort();
    expect(fields).toEqual(['wage_max_monthly_idr', 'wage_monthly_idr', 'working_hours_per_week']);
    expect(result.rejected.find((i) => i.field === 'wage_monthly_idr')!.reason).toMatch(
      /must be an amount in rupiah/,
    );
  });

  it('keeps contract, hours, both BPJS, the fee and the description', () => {
    const v = parsed({
      gaji_min: '3.800.000',
      gaji_maks: 'Rp 4.200.000',
      jenis_kontrak: 'contract',
      jam_kerja: '40',
      bpjs_tk: 'ya',
      bpjs_kesehatan: 'tidak',
      biaya_pelamar: 'gratis',
      deskripsi: 'Shift pagi',
    });
    expect(v).toMatchObject({
      wage_monthly_idr: 3_800_000,
      wage_max_monthly_idr: 4_200_000,
      contract_type: 'contract',
      working_hours_per_week: 40,
      bpjs_ketenagakerjaan: true,
      bpjs_kesehatan: false,
      applicant_fee_idr: 0,
      description: 'Shift pagi',
    });
  });

  it('refuses "applicant pays nothing" beside a fee above zero', () => {
    const result = parse({ applicant_pays: 'tidak', applicant_fee_idr: 'Rp 50.000' });
    expect(result.rejected.map((i) => i.field)).toEqual(['applicant_fee_idr']);
  });
});

describe('intake holds at their boundaries (Kota Semarang, UMK Rp 3.701.709)', () => {
  it.each([
    ['Rp 3.701.709', []],
    ['Rp 3.701.708', ['below_umk']],
    ['Rp 3.701.708,99', ['below_umk']],
    [undefined, []],
  ])('wage %j -> %j', (cell, expected) => {
    expect(codes(parsed(cell === undefined ? {} : { gaji: cell }))).toEqual(expected);
  });

  it('compares the lower end of a range', () => {
    expect(codes(parsed({ gaji: '3.500.000', gaji_maks: '4.500.000' }))).toEqual(['below_umk']);
  });

  it('uses the district of the vacancy: the same wage is lawful in Banjarnegara', () => {
    expect(codes(parsed({ gaji: '2.400.000', district: '3304' }))).toEqual([]);
    expect(codes(parsed({ gaji: '2.327.813', district: '3304' }))).toEqual(['below_umk']);
  });

  it('holds a fee from the fields: any amount above zero, or applicant_pays = ya', () => {
    expect(codes(parsed({ biaya_pelamar: 'Rp 1' }))).toEqual(['applicant_fee']);
    expect(codes(parsed({ biaya_pelamar: '0' }))).toEqual([]);
    expect(codes(parsed({ applicant_pays: 'ya' }))).toEqual(['applicant_fee']);
    expect(codes(parsed({ applicant_pays: 'tidak' }))).toEqual([]);
  });

  it('holds fee wording in the title or description and says which words', () => {
    const holds = intakeHolds(parsed({ deskripsi: 'Wajib membayar uang jaminan' }), '2026-12-01');
    expect(holds.map((h) => h.code)).toEqual(['fee_wording']);
    expect(holds[0]!.reason).toContain('"uang jaminan"');
  });

  it('gives the reason in Indonesian with both amounts and the table version', () => {
    const [hold] = intakeHolds(parsed({ gaji: '3.000.000' }), '2026-12-01');
    expect(hold!.reason).toBe(
      'upah Rp 3.000.000 di bawah UMK Kota Semarang Rp 3.701.709 (jateng-umk-2026-v1)',
    );
  });
});

describe('holds across re-uploads and releases', () => {
  const at = '2026-12-01T01:00:00.000Z';
  const later = '2026-12-02T01:00:00.000Z';
  const release = {
    by: { role: 'manager', id: 'm-1' },
    at: later,
    reason: 'upah dikonfirmasi dengan perusahaan',
  };
  const below = intakeHolds(parsed({ gaji: '3.000.000' }), '2026-12-01');

  it('a released hold stays released when the same vacancy comes again', () => {
    const released = releaseHolds(mergeIntakeHolds([], below, at), release);
    expect(isHeld(released)).toBe(false);
    expect(isHeld(mergeIntakeHolds(released, below, later))).toBe(false);
  });

  it('a changed wage still below the UMK is a new hold that needs a new release', () => {
    const released = releaseHolds(mergeIntakeHolds([], below, at), release);
    const lower = intakeHolds(parsed({ gaji: '2.900.000' }), '2026-12-01');
    const merged = mergeIntakeHolds(released, lower, later);
    expect(isHeld(merged)).toBe(true);
    expect(merged).toHaveLength(1);
  });

  it('a fixed wage drops the intake hold but keeps case holds', () => {
    const withCase: Hold[] = addHold(
      mergeIntakeHolds([], below, at),
      {
        code: 'serious_complaint',
        key: 'C-1',
        reason: 'kasus serius terbuka',
      },
      at,
    );
    const fixed = mergeIntakeHolds(withCase, [], later);
    expect(fixed.map((h) => h.code)).toEqual(['serious_complaint']);
  });
});
