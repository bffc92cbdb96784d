import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalColumn, normalizeHeader } from '#core/records/headers';
import { createRecordParser, parseRecords } from '#core/records/parse';
import type { RawRow } from '#core/records/types';

const ctx = { file: 'lowongan.csv' };

function rows(...values: Array<Record<string, unknown>>): RawRow[] {
  return values.map((v, i) => ({ row: i + 2, values: v }));
}

const vacancy = {
  vacancy_id: 'V-001',
  employer_id: 'E-01',
  employer_name: 'PT Garmen Sejahtera',
  title: 'Operator Jahit',
  occupation_code: '7533',
  district: '3322',
  openings: '5',
  min_education: 'SMP',
  closing_date: '2025-12-31',
};

const training = {
  training_id: 'T-01',
  provider_id: 'BLK-SMG',
  provider_name: 'BLK Semarang',
  title: 'Menjahit Dasar',
  target_occupations: '7533|7531',
  skills_taught: 'menjahit;pola',
  district: '3374',
  seats: '16',
  start_date: '01/02/2026',
  duration_days: '30',
  cost_idr: 'gratis',
  min_education: 'SD',
};

function interestColumns(answer: number | string): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const letter of 'RIASEC') {
    for (let i = 1; i <= 10; i++) columns[`${letter}${String(i).padStart(2, '0')}`] = answer;
  }
  return columns;
}

const nestedAssessment = {
  youth_id: 'Y-0001',
  nik: '3374010101990001',
  instrument: 'sinergi-minat-bakat-v1',
  assessed_at: '2025-03-01T09:30:00+07:00',
  gender: 'F',
  birth_date: '2001-05-17',
  district: '3374',
  education: 'SMK',
  disability: { walking: 3 },
  welfare_decile: 2,
  interests: Object.fromEntries(Object.entries(interestColumns(2)).map(([k, v]) => [k, Number(v)])),
  aptitudes: { verbal: { correct: 20, total: 30 }, numerical: { correct: 12, total: 25 } },
  skills: ['menjahit'],
  preferences: { max_commute_km: 15, willing_to_relocate: false, contract_types: ['permanent', 'contract'] },
};

const flatAssessment = {
  'ID Peserta': 'Y-0001',
  NIK: '3374010101990001',
  instrumen: 'sinergi-minat-bakat-v1',
  tanggal_asesmen: '2025-03-01T09:30:00+07:00',
  jenis_kelamin: 'Perempuan',
  tanggal_lahir: '17/05/2001',
  kode_wilayah: '3374',
  pendidikan: 'SMK',
  disability_walking: '3',
  disability_seeing: '',
  desil: '2',
  ...interestColumns('2'),
  verbal_correct: '20',
  verbal_total: '30',
  numerical_correct: 12,
  numerical_total: 25,
  spatial_correct: '',
  spatial_total: '',
  skills: 'menjahit',
  max_commute_km: '15',
  willing_to_relocate: 'tidak',
  contract_types: 'tetap|kontrak',
};

describe('header normalisation', () => {
  it.each([
    ['\uFEFFvacancy_id', 'vacancy_id'],
    ['  Vacancy ID ', 'vacancy_id'],
    ['Nama-Perusahaan', 'nama_perusahaan'],
    ['Gaji (Rp)', 'gaji_rp'],
    ['KODE  KBJI', 'kode_kbji'],
  ])('%j -> %s', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });

  it.each([
    ['vacancies', 'ID Lowongan', 'vacancy_id'],
    ['vacancies', 'Nama Perusahaan', 'employer_name'],
    ['vacancies', 'Jabatan', 'title'],
    ['vacancies', 'Kode KBJI', 'occupation_code'],
    ['vacancies', 'Kab/Kota', 'district'],
    ['vacancies', 'kode_wilayah', 'district'],
    ['vacancies', 'Jumlah Lowongan', 'openings'],
    ['vacancies', 'Pendidikan Minimal', 'min_education'],
    ['vacancies', 'Usia Min', 'min_age'],
    ['vacancies', 'Usia Maks', 'max_age'],
    ['vacancies', 'Keterampilan', 'skills'],
    ['vacancies', 'Ramah Disabilitas', 'accessible_for'],
    ['vacancies', 'Persyaratan Gender', 'gender_requirement'],
    ['vacancies', 'Gaji', 'wage_monthly_idr'],
    ['vacancies', 'Jenis Kontrak', 'contract_type'],
    ['vacancies', 'BPJS TK', 'bpjs_ketenagakerjaan'],
    ['vacancies', 'Batas Lamaran', 'closing_date'],
    ['trainings', 'ID Pelatihan', 'training_id'],
    ['trainings', 'ID Lembaga', 'provider_id'],
    ['trainings', 'Nama Lembaga', 'provider_name'],
    ['trainings', 'Okupasi Sasaran', 'target_occupations'],
    ['trainings', 'Materi Keterampilan', 'skills_taught'],
    ['trainings', 'Kuota', 'seats'],
    ['trainings', 'Kursi', 'seats'],
    ['trainings', 'Tanggal Mulai', 'start_date'],
    ['trainings', 'Durasi Hari', 'duration_days'],
    ['trainings', 'Biaya', 'cost_idr'],
    ['trainings', 'Bersertifikat', 'certified'],
    ['assessments', 'NIK', 'nik'],
    ['assessments', 'Jenis Kelamin', 'gender'],
    ['assessments', 'Tanggal Lahir', 'birth_date'],
    ['assessments', 'Pendidikan', 'education'],
    ['assessments', 'Desil', 'welfare_decile'],
    ['assessments', 'r01', 'R01'],
    ['assessments', 'Numerik Benar', 'numerical_correct'],
    ['assessments', 'Disabilitas Penglihatan', 'disability_seeing'],
  ] as const)('%s: %j -> %s', (kind, header, field) => {
    expect(canonicalColumn(kind, header)).toBe(field);
  });

  it('does not treat one kind’s columns as another’s', () => {
    expect(canonicalColumn('vacancies', 'R01')).toBeUndefined();
    expect(canonicalColumn('trainings', 'vacancy_id')).toBeUndefined();
  });
});

describe('parseRecords: vacancies', () => {
  it('reads aliased Indonesian headers and spreadsheet cell values into a Vacancy', () => {
    const result = parseRecords(
      'vacancies',
      rows({
        'ID Lowongan': 'V-001',
        'ID Perusahaan': 'E-01',
        'Nama Perusahaan': 'PT Garmen',
        Jabatan: 'Operator Jahit',
        'Kode KBJI': 7533,
        'Kab/Kota': '33.22',
        'Jumlah Lowongan': 5,
        'Pendidikan Minimal': 'SLTP',
        'Usia Min': '18',
        'Usia Maks': 30,
        Keterampilan: 'menjahit | obras',
        'Ramah Disabilitas': 'hearing;communication',
        'Persyaratan Gender': 'bebas',
        Gaji: 'Rp 2.500.000',
        'Jenis Kontrak': 'PKWT',
        'BPJS TK': 'ya',
        'Batas Lamaran': new Date(Date.UTC(2025, 11, 31)),
        riasec: 'RC',
      }),
      ctx,
    );
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records).toEqual([
      {
        vacancy_id: 'V-001',
        employer_id: 'E-01',
        employer_name: 'PT Garmen',
        title: 'Operator Jahit',
        occupation_code: '7533',
        district: '3322',
        openings: 5,
        min_education: 'SMP',
        min_age: 18,
        max_age: 30,
        skills: ['menjahit', 'obras'],
        riasec: [7, 1.5, 1.5, 1.5, 1.5, 5.5],
        accessible_for: ['hearing', 'communication'],
        gender_requirement: 'any',
        wage_monthly_idr: 2_500_000,
        contract_type: 'contract',
        bpjs_ketenagakerjaan: true,
        closing_date: '2025-12-31',
      },
    ]);
  });

  it('leaves absent optional fields out of the record', () => {
    const [record] = parseRecords(
      'vacancies',
      rows({ ...vacancy, skills: '', bpjs_ketenagakerjaan: '' }),
      ctx,
    ).records;
    expect(record).toBeDefined();
    expect(Object.keys(record!)).not.toContain('skills');
    expect(Object.keys(record!)).not.toContain('bpjs_ketenagakerjaan');
  });

  it('reports every problem of a row, each with file, row, record and field', () => {
    const result = parseRecords(
      'vacancies',
      rows({
        ...vacancy,
        employer_name: '',
        occupation_code: '721',
        openings: 'dua',
        bpjs_ketenagakerjaan: 'maybe',
        wage_monthly_idr: 'abc',
        min_age: '40',
        max_age: '25',
        closing_date: '2025-02-30',
      }),
      ctx,
    );
    expect(result.records).toEqual([]);
    const fields = result.rejected.map((issue) => issue.field).sort();
    expect(fields).toEqual(
      [
        'employer_name',
        'occupation_code',
        'openings',
        'bpjs_ketenagakerjaan',
        'wage_monthly_idr',
        'max_age',
        'closing_date',
      ].sort(),
    );
    for (const issue of result.rejected) {
      expect(issue).toMatchObject({ file: 'lowongan.csv', row: 2, record: 'V-001' });
    }
    expect(result.rejected.find((i) => i.field === 'employer_name')?.reason).toMatch(/cell is empty/);
    expect(result.rejected.find((i) => i.field === 'openings')?.reason).toMatch(/"dua"/);
  });

  it('says when a required column is missing altogether', () => {
    const { closing_date: _, ...withoutClosing } = vacancy;
    const result = parseRecords('vacancies', rows(withoutClosing), ctx);
    expect(result.rejected).toEqual([
      {
        file: 'lowongan.csv',
        row: 2,
        record: 'V-001',
        field: 'closing_date',
        reason: 'is required; the column is missing',
      },
    ]);
  });

  it('rejects a later row with an id already used, naming the first row', () => {
    const result = parseRecords(
      'vacancies',
      [
        { row: 2, values: { ...vacancy, vacancy_id: 'V-000' } },
        { row: 3, values: vacancy },
        { row: 4, values: { ...vacancy, title: 'Penjahit' } },
      ],
      ctx,
    );
    expect(result.records.map((r) => r.vacancy_id)).toEqual(['V-000', 'V-001']);
    expect(result.records[1]?.title).toBe('Operator Jahit');
    expect(result.rejected).toEqual([
      {
        file: 'lowongan.csv',
        row: 4,
        record: 'V-001',
        field: 'vacancy_id',
        reason: 'duplicate vacancy_id V-001, first at row 3',
      },
    ]);
  });

  it('keeps valid rows when others fail', () => {
    const result = parseRecords(
      'vacancies',
      rows(vacancy, { ...vacancy, vacancy_id: 'V-002', openings: '0' }, { ...vacancy, vacancy_id: 'V-003' }),
      ctx,
    );
    expect(result.records.map((r) => r.vacancy_id)).toEqual(['V-001', 'V-003']);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ row: 3, record: 'V-002', field: 'openings' });
  });

  it('reports an unknown column once per file and keeps it out of the record', () => {
    const result = parseRecords(
      'vacancies',
      rows({ ...vacancy, 'No. HP': '0812' }, { ...vacancy, vacancy_id: 'V-002', 'No. HP': '0813' }),
      ctx,
    );
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).not.toHaveProperty('No. HP');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ file: 'lowongan.csv', field: 'No. HP' });
    expect(result.warnings[0]).not.toHaveProperty('row');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'warns about a column named %s as about any unknown column',
    (name) => {
      expect(canonicalColumn('vacancies', name)).toBeUndefined();
      const raw = { ...vacancy };
      Object.defineProperty(raw, name, { value: 'x', enumerable: true });
      const result = parseRecords('vacancies', rows(raw), ctx);
      expect(result.records).toHaveLength(1);
      expect(result.warnings).toEqual([
        expect.objectContaining({ field: name, reason: expect.stringMatching(/^unknown column/) }),
      ]);
    },
  );

  it('makes the file unreadable when two headers mean the same field, naming both', () => {
    const result = parseRecords('vacancies', rows({ ...vacancy, Jabatan: 'Penjahit' }, vacancy), ctx);
    expect(result.records).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ file: 'lowongan.csv', field: 'title' });
    expect(result.rejected[0]).not.toHaveProperty('row');
    expect(result.rejected[0]?.reason).toMatch(/"title" and "Jabatan"/);
  });

  it('checks the district exactly when the context knows the districts', () => {
    const result = parseRecords('vacancies', rows({ ...vacancy, district: '3399' }), {
      ...ctx,
      isKnownDistrict: (code) => code === '3322',
    });
    expect(result.rejected[0]).toMatchObject({ field: 'district' });
  });

  it('never throws, whatever the cells hold', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(vacancy), 'x', 'Gaji'), cell), (values) => {
        const result = parseRecords('vacancies', [{ row: 2, values }], ctx);
        expect(result.records.length + (result.rejected.length > 0 ? 1 : 0)).toBe(1);
      }),
    );
  });
});

describe('parseRecords: training offers', () => {
  it('reads lists, Indonesian dates and a free course', () => {
    const result = parseRecords('trainings', rows({ ...training, bersertifikat: 'Ya' }), ctx);
    expect(result.rejected).toEqual([]);
    expect(result.records[0]).toEqual({
      training_id: 'T-01',
      provider_id: 'BLK-SMG',
      provider_name: 'BLK Semarang',
      title: 'Menjahit Dasar',
      target_occupations: ['7533', '7531'],
      skills_taught: ['menjahit', 'pola'],
      district: '3374',
      seats: 16,
      start_date: '2026-02-01',
      duration_days: 30,
      cost_idr: 0,
      min_education: 'SD',
      certified: true,
    });
  });

  it('names the bad target occupation', () => {
    const result = parseRecords('trainings', rows({ ...training, target_occupations: '7533|753' }), ctx);
    expect(result.rejected[0]).toMatchObject({ field: 'target_occupations', record: 'T-01' });
    expect(result.rejected[0]?.reason).toMatch(/"753"/);
  });
});

describe('parseRecords: assessments', () => {
  it('gives the same record for a flat spreadsheet row and a nested JSON record', () => {
    const flat = parseRecords('assessments', rows(flatAssessment), ctx);
    const nested = parseRecords('assessments', rows(nestedAssessment), ctx);
    expect(flat.rejected).toEqual([]);
    expect(nested.rejected).toEqual([]);
    expect(flat.records).toEqual(nested.records);
    expect(flat.records[0]).toMatchObject({
      gender: 'F',
      birth_date: '2001-05-17',
      disability: { walking: 3 },
      aptitudes: { verbal: { correct: 20, total: 30 }, numerical: { correct: 12, total: 25 } },
      preferences: {
        max_commute_km: 15,
        willing_to_relocate: false,
        contract_types: ['permanent', 'contract'],
      },
    });
    expect(Object.keys(flat.records[0]?.interests ?? {})).toHaveLength(60);
  });

  it('keeps empty interest answers as unanswered and rejects non-numeric ones', () => {
    const result = parseRecords(
      'assessments',
      rows({ ...flatAssessment, R01: '', R02: 'suka', C10: '5' }, { ...nestedAssessment, youth_id: 'Y-2' }),
      ctx,
    );
    expect(result.rejected.map((i) => i.field).sort()).toEqual(['interests.C10', 'interests.R02']);
    const nullable = parseRecords('assessments', rows({ ...flatAssessment, R01: '' }), ctx).records[0];
    expect(nullable?.interests['R01']).toBeNull();
  });

  it('does not check item ids against an instrument (scoring does)', () => {
    const result = parseRecords(
      'assessments',
      rows({ ...nestedAssessment, interests: { ...nestedAssessment.interests, X99: 3 } }),
      ctx,
    );
    expect(result.rejected).toEqual([]);
    expect(result.records[0]?.interests['X99']).toBe(3);
  });

  it('rejects a NIK typed as a number without repeating it', () => {
    const result = parseRecords('assessments', rows({ ...flatAssessment, NIK: 3374010101990001 }), ctx);
    expect(result.rejected).toHaveLength(1);
    const [issue] = result.rejected;
    expect(issue).toMatchObject({ field: 'nik', record: 'Y-0001', row: 2 });
    expect(issue?.reason).toMatch(/Excel keeps only 15 significant digits/);
    expect(JSON.stringify(result)).not.toContain('337401010199000');
  });

  it('rejects a 15-digit NIK', () => {
    const result = parseRecords('assessments', rows({ ...nestedAssessment, nik: '337401010199000' }), ctx);
    expect(result.rejected[0]).toMatchObject({ field: 'nik' });
    expect(result.rejected[0]?.reason).not.toContain('337401010199000');
  });

  it('never puts disability or welfare values into a reason', () => {
    const result = parseRecords(
      'assessments',
      rows({ ...nestedAssessment, disability: { walking: 9 }, welfare_decile: 77 }),
      ctx,
    );
    const reasons = result.rejected.map((i) => `${i.field}: ${i.reason}`);
    expect(reasons).toHaveLength(2);
    expect(reasons.join(' ')).not.toMatch(/\b(9|77)\b/);
  });

  it('checks aptitude counts and names the subtest', () => {
    const result = parseRecords(
      'assessments',
      rows({
        ...nestedAssessment,
        aptitudes: { verbal: { correct: 31, total: 30 }, memory: { correct: 1, total: 2 } },
      }),
      ctx,
    );
    expect(result.rejected.map((i) => i.field).sort()).toEqual([
      'aptitudes.memory',
      'aptitudes.verbal.correct',
    ]);
  });

  it('reports a flat row with only half an aptitude pair', () => {
    const result = parseRecords('assessments', rows({ ...flatAssessment, spatial_correct: '10' }), ctx);
    expect(result.rejected).toEqual([
      expect.objectContaining({ field: 'aptitudes.spatial.total', reason: 'is required' }),
    ]);
  });

  it('requires interest answers', () => {
    const { interests: _, ...withoutInterests } = nestedAssessment;
    const result = parseRecords('assessments', rows(withoutInterests), ctx);
    expect(result.rejected[0]).toMatchObject({ field: 'interests' });
  });

  it('refuses a record that spells a field both nested and flat', () => {
    const result = parseRecords('assessments', rows({ ...nestedAssessment, disability_seeing: '2' }), ctx);
    expect(result.rejected[0]).toMatchObject({ field: 'disability' });
    expect(result.rejected[0]?.reason).toMatch(/both/);
  });

  it('refuses a birth date after the assessment', () => {
    const result = parseRecords('assessments', rows({ ...nestedAssessment, birth_date: '2025-03-02' }), ctx);
    expect(result.rejected[0]).toMatchObject({ field: 'birth_date' });
  });
});

describe('createRecordParser', () => {
  it('streams rows one at a time with the same result as parseRecords', () => {
    const input = rows(vacancy, { ...vacancy, 'No. HP': '1' }, vacancy);
    const parser = createRecordParser('vacancies', ctx);
    const streamed = input.map((row) => parser.parseRow(row));
    const whole = parseRecords('vacancies', input, ctx);
    expect(streamed.flatMap((r) => (r.record ? [r.record] : []))).toEqual(whole.records);
    expect(streamed.flatMap((r) => r.rejected)).toEqual(whole.rejected);
    expect(streamed.flatMap((r) => r.warnings)).toEqual(whole.warnings);
    expect(parser.unreadable).toBe(false);
  });
});
