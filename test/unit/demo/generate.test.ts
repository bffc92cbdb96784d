import { describe, expect, it } from 'vitest';
import { CENTRAL_JAVA_DISTRICTS, DEFAULT_PILOT_DISTRICTS } from '#cli/demo/catalogue';
import { demoManifest, generateDemoData, invalidRowPositions } from '#cli/demo/generate';
import { riasecCell } from '#cli/demo/rows';
import { ageOn, dayNumber, isIsoDate } from '#core/domain/calendar';
import { hollandCodeToProfile } from '#core/domain/riasec';
import { intakeHolds } from '#core/protection/holds';

const AS_OF = '2026-12-01';
const full = generateDemoData({ asOf: AS_OF });
const youth = full.assessments;
const vacancies = full.vacancies;
const trainings = full.trainings;

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

describe('generateDemoData at programme scale', () => {
  it('draws the documented counts over the eleven pilot districts', () => {
    expect(youth).toHaveLength(16_000);
    expect(vacancies).toHaveLength(5_000);
    expect(trainings).toHaveLength(1_000);
    expect(new Set(youth.map((y) => y.district))).toEqual(new Set(DEFAULT_PILOT_DISTRICTS));
    expect(new Set(vacancies.map((v) => v.employer_id)).size).toBe(600);
    expect(new Set(trainings.map((t) => t.provider_id)).size).toBe(80);
  });

  it('plants exactly two open vacancies to be held: one below the UMK, one charging applicants', () => {
    const held = vacancies
      .map((v) => ({ id: v.vacancy_id, codes: intakeHolds(v, AS_OF).map((h) => h.code) }))
      .filter((h) => h.codes.length > 0);
    expect(held).toEqual([
      { id: full.planted.belowUmk, codes: ['below_umk'] },
      { id: full.planted.applicantFee, codes: ['applicant_fee', 'fee_wording'] },
    ]);
    for (const id of [full.planted.belowUmk, full.planted.applicantFee]) {
      const v = vacancies.find((x) => x.vacancy_id === id)!;
      expect(v.closing_date >= AS_OF).toBe(true);
      expect(DEFAULT_PILOT_DISTRICTS).toContain(v.district);
    }
    expect(demoManifest(full).heldForReview).toEqual(full.planted);
  });

  it('keeps every youth aged 18 to 34 on the reference date, both ends reached', () => {
    const ages = youth.map((y) => ageOn(y.birth_date, AS_OF));
    expect(Math.min(...ages)).toBe(18);
    expect(Math.max(...ages)).toBe(34);
  });

  it('gives unique youth ids and unique 16-digit NIKs that start with the district and encode the birth date', () => {
    expect(new Set(youth.map((y) => y.youth_id)).size).toBe(youth.length);
    expect(new Set(youth.map((y) => y.nik)).size).toBe(youth.length);
    const implausible = youth.filter((y) => {
      const nik = y.nik ?? '';
      const day = Number(nik.slice(6, 8)) - (y.gender === 'F' ? 40 : 0);
      const encoded = `${nik.slice(10, 12)}-${nik.slice(8, 10)}-${String(day).padStart(2, '0')}`;
      return !/^\d{16}$/.test(nik) || !nik.startsWith(y.district) || encoded !== y.birth_date.slice(2);
    });
    expect(implausible).toEqual([]);
  });

  it('splits gender about evenly and draws a poor-youth education mix', () => {
    expect(share(youth, (y) => y.gender === 'F')).toBeCloseTo(0.5, 1);
    const secondary = share(youth, (y) => ['SMP', 'SMA', 'SMK'].includes(y.education));
    expect(secondary).toBeGreaterThan(0.7);
    expect(share(youth, (y) => y.education === 'SD')).toBeGreaterThan(0.08);
    expect(share(youth, (y) => ['D3', 'S1'].includes(y.education))).toBeLessThan(0.1);
    expect(youth.every((y) => y.education !== 'S1' || ageOn(y.birth_date, AS_OF) >= 22)).toBe(true);
  });

  it('gives about 7% a Washington Group difficulty, a few of them at 3-4', () => {
    const withDifficulty = share(youth, (y) => Object.values(y.disability ?? {}).some((d) => d >= 2));
    const needingAccommodation = share(youth, (y) => Object.values(y.disability ?? {}).some((d) => d >= 3));
    expect(withDifficulty).toBeGreaterThan(0.055);
    expect(withDifficulty).toBeLessThan(0.085);
    expect(needingAccommodation).toBeGreaterThan(0.01);
    expect(needingAccommodation).toBeLessThan(withDifficulty / 2);
  });

  it('draws welfare deciles mostly from 1 to 4', () => {
    expect(share(youth, (y) => (y.welfare_decile ?? 99) <= 4)).toBeGreaterThan(0.75);
    expect(youth.every((y) => y.welfare_decile! >= 1 && y.welfare_decile! <= 10)).toBe(true);
  });

  it('answers interest items 0..4 with a few unanswered and a few all-identical forms', () => {
    const outOfRange = youth.flatMap((y) =>
      Object.values(y.interests).filter((a) => a !== null && !(Number.isInteger(a) && a >= 0 && a <= 4)),
    );
    expect(outOfRange).toEqual([]);
    const unanswered = share(youth, (y) => Object.values(y.interests).some((a) => a === null));
    const identical = share(youth, (y) => new Set(Object.values(y.interests)).size === 1);
    expect(unanswered).toBeGreaterThan(0.012);
    expect(unanswered).toBeLessThan(0.03);
    expect(identical).toBeGreaterThan(0.002);
    expect(identical).toBeLessThan(0.009);
  });

  it('puts about 5% on the mini form with exactly its 30 items, the rest on the 60-item form', () => {
    const mini = youth.filter((y) => y.instrument === 'sinergi-minat-bakat-mini-v1');
    expect(mini.length / youth.length).toBeGreaterThan(0.035);
    expect(mini.length / youth.length).toBeLessThan(0.065);
    expect(Object.keys(mini[0]!.interests)).toEqual(
      ['R', 'I', 'A', 'S', 'E', 'C'].flatMap((l) => [1, 2, 3, 4, 5].map((i) => `${l}0${i}`)),
    );
    const fullForm = youth.filter((y) => y.instrument === 'sinergi-minat-bakat-v1');
    expect(fullForm.length + mini.length).toBe(youth.length);
    expect(fullForm.every((y) => Object.keys(y.interests).length === 60)).toBe(true);
    expect(Object.keys(fullForm[0]!.interests).at(-1)).toBe('C10');
  });

  it('lets a latent Holland type show: each letter is the top scale for a fair share of youth', () => {
    const top = new Map<string, number>();
    for (const y of youth) {
      const sums = new Map<string, number>();
      for (const [item, a] of Object.entries(y.interests))
        sums.set(item[0]!, (sums.get(item[0]!) ?? 0) + (a ?? 0));
      const best = [...sums].sort((a, b) => b[1] - a[1])[0]![0];
      top.set(best, (top.get(best) ?? 0) + 1);
    }
    for (const letter of 'RIASEC') expect((top.get(letter) ?? 0) / youth.length).toBeGreaterThan(0.05);
    expect((top.get('R') ?? 0) / youth.length).toBeGreaterThan(0.18);
  });

  it('records aptitudes as {correct, total} with totals 20-30 for the six subtests', () => {
    const tested = youth.filter((y) => y.aptitudes);
    expect(tested.length / youth.length).toBeGreaterThan(0.95);
    const subtests = ['abstract', 'clerical', 'mechanical', 'numerical', 'spatial', 'verbal'].join();
    const malformed = tested.filter(
      (y) =>
        Object.keys(y.aptitudes!).sort().join() !== subtests ||
        Object.values(y.aptitudes!).some(
          ({ correct, total }) => total < 20 || total > 30 || correct < 0 || correct > total,
        ),
    );
    expect(malformed).toEqual([]);
    const correctShare = tested.map((y) => y.aptitudes!.numerical!.correct / y.aptitudes!.numerical!.total);
    expect(Math.min(...correctShare)).toBeLessThan(0.2);
    expect(Math.max(...correctShare)).toBeGreaterThan(0.8);
  });

  it('draws 0-4 skills, some misspelt on purpose, and realistic preferences', () => {
    expect(youth.every((y) => (y.skills ?? []).length <= 4)).toBe(true);
    expect(
      youth.some((y) => (y.skills ?? []).includes('menjait') || (y.skills ?? []).includes('Ms Exel')),
    ).toBe(true);
    expect(
      youth.every((y) => y.preferences!.max_commute_km! >= 5 && y.preferences!.max_commute_km! <= 40),
    ).toBe(true);
    expect(share(youth, (y) => y.preferences!.willing_to_relocate === true)).toBeCloseTo(0.2, 1);
    const withContracts = share(youth, (y) => y.preferences!.contract_types !== undefined);
    expect(withContracts).toBeGreaterThan(0.2);
    expect(withContracts).toBeLessThan(0.4);
  });

  it('dates every assessment within the 90 days before the reference date', () => {
    const asOf = dayNumber(AS_OF);
    for (const y of youth) {
      const days = asOf - dayNumber(y.assessed_at);
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThanOrEqual(90);
    }
  });
});

describe('vacancies and training offers', () => {
  const known = (code: string) => code in CENTRAL_JAVA_DISTRICTS;

  it('places vacancies in the pilot and neighbouring districts with 4-digit occupation codes', () => {
    const districts = new Set(vacancies.map((v) => v.district));
    expect([...districts].every(known)).toBe(true);
    expect(districts.size).toBeGreaterThan(DEFAULT_PILOT_DISTRICTS.length);
    expect(vacancies.every((v) => /^\d{4}$/.test(v.occupation_code))).toBe(true);
    expect(new Set(vacancies.map((v) => v.occupation_code)).size).toBeGreaterThanOrEqual(30);
  });

  it('keeps openings, ages, wages and dates in their documented ranges', () => {
    for (const v of vacancies) {
      expect(v.openings).toBeGreaterThanOrEqual(1);
      expect(v.openings).toBeLessThanOrEqual(30);
      if (v.min_age !== undefined && v.max_age !== undefined)
        expect(v.min_age).toBeLessThanOrEqual(v.max_age);
      if (v.wage_monthly_idr !== undefined) {
        expect(v.wage_monthly_idr).toBeGreaterThanOrEqual(1_900_000);
        expect(v.wage_monthly_idr).toBeLessThanOrEqual(4_500_000);
      }
      expect(isIsoDate(v.closing_date)).toBe(true);
    }
    const passed = share(vacancies, (v) => v.closing_date < AS_OF);
    expect(passed).toBeGreaterThan(0.1);
    expect(passed).toBeLessThan(0.35);
  });

  it('restricts gender on about 3% and overrides the RIASEC profile on about 5%', () => {
    const restricted = share(
      vacancies,
      (v) => v.gender_requirement === 'male' || v.gender_requirement === 'female',
    );
    expect(restricted).toBeGreaterThan(0.015);
    expect(restricted).toBeLessThan(0.045);
    const overridden = vacancies.filter((v) => v.riasec);
    expect(overridden.length / vacancies.length).toBeGreaterThan(0.035);
    expect(overridden.length / vacancies.length).toBeLessThan(0.065);
    for (const v of overridden) {
      const code = riasecCell(v.riasec);
      expect(code).toMatch(/^[RIASEC]{2,3}$/);
      expect(hollandCodeToProfile(String(code))).toEqual(v.riasec);
    }
    expect(share(vacancies, (v) => (v.accessible_for ?? []).length > 0)).toBeGreaterThan(0.05);
  });

  it('offers BLK courses free and LPK courses mostly for a fee, with seats 10-30 and 10-90 days', () => {
    for (const t of trainings) {
      expect(t.seats).toBeGreaterThanOrEqual(10);
      expect(t.seats).toBeLessThanOrEqual(30);
      expect(t.duration_days).toBeGreaterThanOrEqual(10);
      expect(t.duration_days).toBeLessThanOrEqual(90);
      expect(known(t.district)).toBe(true);
      expect(t.target_occupations.every((c) => /^\d{4}$/.test(c))).toBe(true);
      if (t.provider_name.includes('BLK')) expect(t.cost_idr).toBe(0);
      else expect(t.cost_idr === 0 || (t.cost_idr >= 500_000 && t.cost_idr <= 5_000_000)).toBe(true);
    }
    const lpk = trainings.filter((t) => t.provider_name.startsWith('LPK'));
    expect(share(lpk, (t) => t.cost_idr > 0)).toBeGreaterThan(0.7);
    expect(share(trainings, (t) => t.start_date < AS_OF)).toBeGreaterThan(0.05);
    expect(share(trainings, (t) => t.certified === true)).toBeGreaterThan(0.5);
  });
});

describe('deliberately invalid rows', () => {
  it('injects one defect per row after the valid records, each named in the manifest', () => {
    const manifest = demoManifest(full);
    expect(manifest.synthetic).toBe(true);
    expect(manifest.files.assessments.invalid.map((r) => r.field)).toEqual([
      'nik',
      'interests.C07',
      'district',
      'birth_date',
    ]);
    expect(manifest.files.vacancies.invalid.map((r) => r.field)).toEqual([
      'occupation_code',
      'closing_date',
      'district',
      'closing_date',
      'openings',
    ]);
    expect(manifest.files.trainings.invalid.map((r) => r.field)).toEqual([
      'seats',
      'district',
      'start_date',
      'target_occupations',
    ]);
    expect(manifest.files.vacancies.invalid.map((r) => r.line - r.row)).toEqual([1, 1, 1, 1, 1]);
    expect(manifest.files.assessments.invalid.every((r) => r.line === r.row)).toBe(true);
    const [nik, answer, district, birth] = full.invalid.assessments.map((r) => r.record);
    expect(typeof nik!['nik']).toBe('number');
    expect((answer!['interests'] as Record<string, number>)['C07']).toBe(5);
    expect(district!['district']).toBe('3399');
    expect(isIsoDate(String(birth!['birth_date']))).toBe(false);
    expect(full.invalid.vacancies[1]!.record).not.toHaveProperty('closing_date');
    expect(full.invalid.trainings[0]!.record['seats']).toBe(0);
  });

  it('leaves the valid records unchanged when invalid rows are switched off', () => {
    const clean = generateDemoData({ asOf: AS_OF, size: 'small', invalidRows: false });
    const dirty = generateDemoData({ asOf: AS_OF, size: 'small' });
    expect(clean.invalid).toEqual({ assessments: [], vacancies: [], trainings: [] });
    expect(clean.assessments).toEqual(dirty.assessments);
    expect(clean.vacancies).toEqual(dirty.vacancies);
    expect(clean.trainings).toEqual(dirty.trainings);
    const ids = new Set(dirty.vacancies.map((v) => v.vacancy_id));
    expect(dirty.invalid.vacancies.some((r) => ids.has(r.id))).toBe(false);
  });

  it('spreads invalid rows through the file at distinct positions', () => {
    expect(invalidRowPositions(4, 16_004)).toEqual([3200, 6401, 9602, 12803]);
    expect(invalidRowPositions(4, 5)).toEqual([1, 2, 3, 4]);
  });
});

describe('options', () => {
  it('is deterministic for a seed and changes with it', () => {
    const a = generateDemoData({ asOf: AS_OF, size: 'small', seed: 42 });
    expect(generateDemoData({ asOf: AS_OF, size: 'small', seed: 42 })).toEqual(a);
    expect(generateDemoData({ asOf: AS_OF, size: 'small', seed: 43 }).assessments).not.toEqual(a.assessments);
  });

  it('draws the small variant and honours explicit counts and districts', () => {
    const small = generateDemoData({ asOf: AS_OF, size: 'small' });
    expect([small.assessments.length, small.vacancies.length, small.trainings.length]).toEqual([
      300, 120, 40,
    ]);
    const custom = generateDemoData({
      asOf: AS_OF,
      assessments: 50,
      vacancies: 20,
      trainings: 5,
      districts: ['3372', '3311'],
    });
    expect(new Set(custom.assessments.map((y) => y.district))).toEqual(new Set(['3372', '3311']));
    expect(custom.vacancies).toHaveLength(20);
    expect(custom.trainings).toHaveLength(5);
  });

  it('refuses a missing or impossible reference date, unknown districts and bad counts', () => {
    expect(() => generateDemoData({ asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => generateDemoData({ asOf: AS_OF, districts: ['3399'] })).toThrow(/3399/);
    expect(() => generateDemoData({ asOf: AS_OF, districts: [] })).toThrow(/at least one/);
    expect(() => generateDemoData({ asOf: AS_OF, vacancies: 0 })).toThrow(/vacancies/);
  });
});
