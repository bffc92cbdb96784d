import { describe, expect, it } from 'vitest';
import type { Vacancy } from '#core/domain/records';
import { workTermsOf } from '#core/protection/work-terms';

const vacancy: Vacancy = {
  vacancy_id: 'V-1',
  employer_id: 'E-1',
  employer_name: 'PT Contoh',
  title: 'Operator',
  occupation_code: '8153',
  district: '3304',
  openings: 2,
  min_education: 'SMP',
  closing_date: '2026-12-31',
};

describe('work terms beside a recommendation', () => {
  it('states a range below the UMK, the contract, hours and both BPJS, in Indonesian', () => {
    const terms = workTermsOf(
      {
        ...vacancy,
        wage_monthly_idr: 2_300_000,
        wage_max_monthly_idr: 2_600_000,
        contract_type: 'contract',
        working_hours_per_week: 40,
        bpjs_ketenagakerjaan: true,
        bpjs_kesehatan: false,
      },
      '2026-12-01',
      'id',
    );
    expect(terms.wageVsUmk).toBe('below_umk');
    expect(terms.explanation).toBe(
      'Upah Rp 2.300.000–Rp 2.600.000 per bulan, DI BAWAH UMK Kabupaten Banjarnegara (Rp 2.327.813,08). Status kerja: kontrak (PKWT). 40 jam per minggu. BPJS Ketenagakerjaan: ya; BPJS Kesehatan: tidak.',
    );
  });

  it('says what is not stated, in English, and when no UMK table covers the date', () => {
    const terms = workTermsOf({ ...vacancy, wage_monthly_idr: 3_000_000 }, '2027-03-01', 'en');
    expect(terms).toMatchObject({ wageVsUmk: 'no_umk', wageMinIdr: 3_000_000 });
    expect(terms.explanation).toBe(
      'Wage Rp 3.000.000 a month; no UMK on record for this district. Employment: not stated. BPJS employment insurance: not stated; BPJS health insurance: not stated.',
    );
    expect(workTermsOf(vacancy, '2026-12-01', 'en').explanation).toMatch(/^Wage not stated\./);
  });
});
