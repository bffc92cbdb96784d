import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellParser,
  calendarDate,
  contractType,
  dateOrDateTime,
  decimal,
  district,
  education,
  gender,
  genderRequirement,
  integer,
  interestAnswer,
  list,
  nik,
  occupationCode,
  type Parsed,
  riasec,
  rupiah,
  yesNo,
} from '#core/records/cells';

const value = <T>(parsed: Parsed<T>) => (parsed.ok ? parsed.value : `ISSUE: ${parsed.reason}`);
const reasonOf = <T>(parsed: Parsed<T>) => (parsed.ok ? undefined : parsed.reason);

function table<T>(parser: CellParser<T>, cases: Array<[unknown, T | undefined]>) {
  it.each(cases)('%j -> %j', (raw, expected) => {
    expect(value(parser(raw))).toEqual(expected);
  });
}

function refuses<T>(parser: CellParser<T>, cases: unknown[]) {
  it.each(cases.map((c) => [c]))('refuses %j', (raw) => {
    expect(parser(raw).ok).toBe(false);
  });
}

describe('yes/no cells', () => {
  table(yesNo, [
    ['false', false],
    ['FALSE', false],
    ['tidak', false],
    ['No', false],
    ['0', false],
    [0, false],
    [false, false],
    ['true', true],
    ['Ya', true],
    [' yes ', true],
    ['1', true],
    [1, true],
    [true, true],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [undefined, undefined],
  ]);
  refuses(yesNo, ['maybe', 'y', '2', 2, -1, new Date(0), ['ya']]);

  it('says which words it accepts', () => {
    expect(reasonOf(yesNo('maybe'))).toMatch(/yes or no.*ya\/tidak.*"maybe"/);
  });
});

describe('whole numbers', () => {
  const openings = integer(1, 10_000);
  table(openings, [
    ['1', 1],
    [1, 1],
    ['10000', 10_000],
    [' 12 ', 12],
    ['3,0', 3],
    ['', undefined],
  ]);
  refuses(openings, ['0', 0, '10001', '2.5', 2.5, 'abc', '1.000', 'dua', Number.NaN, true, '1e3']);

  it('never turns an empty cell into 0', () => {
    expect(integer(0, 4)('')).toEqual({ ok: true, value: undefined });
  });

  it('hides the value of a sensitive cell', () => {
    expect(reasonOf(integer(1, 10, true)('99'))).not.toContain('99');
    expect(reasonOf(integer(1, 10)('99'))).toContain('99');
  });
});

describe('decimal numbers', () => {
  table(decimal(0, 500), [
    ['7.5', 7.5],
    ['7,5', 7.5],
    [12, 12],
    ['0', 0],
    ['500', 500],
    ['', undefined],
  ]);
  refuses(decimal(0, 500), ['500.1', '-1', 'abc', '1.000,5', Number.POSITIVE_INFINITY]);
});

describe('rupiah amounts', () => {
  table(rupiah, [
    ['2.500.000', 2_500_000],
    ['Rp 2.500.000', 2_500_000],
    ['Rp2.500.000', 2_500_000],
    ['Rp. 2.500.000,-', 2_500_000],
    ['2.500.000,50', 2_500_000.5],
    ['2,500,000', 2_500_000],
    ['2500000', 2_500_000],
    [2_500_000, 2_500_000],
    ['0', 0],
    ['gratis', 0],
    ['', undefined],
  ]);
  refuses(rupiah, ['abc', '2.50.000', '-5000', -5000, 'Rp', '2 juta']);
});

describe('dates', () => {
  const date = calendarDate();
  table(date, [
    ['2025-12-31', '2025-12-31'],
    ['31/12/2025', '2025-12-31'],
    ['1/2/2025', '2025-02-01'],
    ['01-02-2025', '2025-02-01'],
    ['2024-02-29', '2024-02-29'],
    ['2025-03-01T23:30:00+07:00', '2025-03-01'],
    [new Date(Date.UTC(2025, 11, 31)), '2025-12-31'],
    [46_022, '2025-12-31'],
    [36_526, '2000-01-01'],
    ['', undefined],
  ]);
  refuses(date, [
    '2025-02-29',
    '12/31/2025',
    '31-12-25',
    '2025/12/31',
    2025,
    7_305,
    73_051,
    -45_000,
    'besok',
    new Date(Number.NaN),
  ]);

  it('reads DD/MM/YYYY in Indonesian order, never month first', () => {
    expect(value(date('02/03/2025'))).toBe('2025-03-02');
  });

  it('keeps the UTC calendar date of a Date cell, whatever its time of day', () => {
    expect(value(date(new Date(Date.UTC(2025, 0, 31, 23, 59))))).toBe('2025-01-31');
  });

  it('keeps a date-time as written when a date-time is allowed', () => {
    expect(value(dateOrDateTime('2025-03-01T09:30:00+07:00'))).toBe('2025-03-01T09:30:00+07:00');
    expect(value(dateOrDateTime(new Date(Date.UTC(2025, 2, 1))))).toBe('2025-03-01');
    expect(value(dateOrDateTime(new Date(Date.UTC(2025, 2, 1, 2, 30))))).toBe('2025-03-01T02:30:00.000Z');
    expect(dateOrDateTime('2025-03-01T25:00').ok).toBe(false);
  });
});

describe('lists', () => {
  const skills = list(decimal(0, 10));
  it.each([
    ['1|2|3', [1, 2, 3]],
    ['1;2', [1, 2]],
    ['1, 2', [1, 2]],
    [
      [1, '2'],
      [1, 2],
    ],
    ['1||1', [1]],
    ['', undefined],
    [' | ', undefined],
  ])('%j -> %j', (raw, expected) => {
    expect(value(skills(raw))).toEqual(expected);
  });

  it('reports every bad element', () => {
    expect(reasonOf(list(contractType)('tetap|freelance|gig'))).toMatch(/freelance.*gig/);
    expect(value(list(contractType)('tetap|PKWT|magang'))).toEqual(['permanent', 'contract', 'internship']);
  });
});

describe('education levels', () => {
  table(education, [
    ['SMA', 'SMA'],
    ['sma', 'SMA'],
    ['SLTA', 'SMA'],
    ['SLTP', 'SMP'],
    ['SMA/SMK', 'SMA'],
    ['tidak sekolah', 'none'],
    ['Belum Sekolah', 'none'],
    ['S-1', 'S1'],
    ['s1', 'S1'],
    ['D-III', 'D3'],
    ['D3', 'D3'],
    ['none', 'none'],
    ['', undefined],
  ]);
  refuses(education, ['SMA kelas 2', 'PhD', 3]);
});

describe('occupation codes', () => {
  table(occupationCode, [
    ['7212', '7212'],
    [7212, '7212'],
    [' 0110 ', '0110'],
  ]);
  refuses(occupationCode, ['721', 721, '72121', '72a1', 7212.5]);

  it('explains a leading zero a spreadsheet dropped', () => {
    expect(reasonOf(occupationCode(110))).toMatch(/format the column as text/);
  });
});

describe('districts', () => {
  table(district(), [
    ['3374', '3374'],
    [3374, '3374'],
    ['33.74', '3374'],
  ]);
  refuses(district(), ['3174', '337', 'Semarang', 33.74]);

  it('uses the exact check when the context gives one', () => {
    const known = district((code) => code === '3374');
    expect(value(known('3374'))).toBe('3374');
    expect(reasonOf(known('3399'))).toMatch(/3399 is not a known/);
  });
});

describe('RIASEC overrides', () => {
  table(riasec, [
    ['SEC', [1.5, 1.5, 1.5, 7, 5.5, 4]],
    ['r', [7, 1.5, 1.5, 1.5, 1.5, 1.5]],
    ['1|2|3|4|5|6', [1, 2, 3, 4, 5, 6]],
    ['1;2;3,5;4;5;6', [1, 2, 3.5, 4, 5, 6]],
    ['1, 2, 3, 4, 5, 6', [1, 2, 3, 4, 5, 6]],
    [
      [7, 6, 5, 4, 3, 2],
      [7, 6, 5, 4, 3, 2],
    ],
  ]);
  refuses(riasec, ['SEX', 'SSE', 'RIAS', '1|2|3', '0|2|3|4|5|6', '1|2|3|4|5|8', [1, 2, 3, 4, 5, 'x']]);
});

describe('gender', () => {
  table(genderRequirement, [
    ['any', 'any'],
    ['bebas', 'any'],
    ['Laki-laki', 'male'],
    ['perempuan', 'female'],
    ['L/P', 'any'],
  ]);
  refuses(genderRequirement, ['both', 'x']);
  table(gender, [
    ['F', 'F'],
    ['P', 'F'],
    ['Perempuan', 'F'],
    ['L', 'M'],
    ['laki-laki', 'M'],
    ['m', 'M'],
  ]);
});

describe('NIK', () => {
  const sixteen = '3374012345678901';

  it('accepts a 16-digit string', () => {
    expect(value(nik(sixteen))).toBe(sixteen);
    expect(value(nik(` ${sixteen} `))).toBe(sixteen);
    expect(value(nik(`'${sixteen}`))).toBe(sixteen);
  });

  it('refuses a NIK that arrived as a number and says why', () => {
    const reason = reasonOf(nik(3374012345678901));
    expect(reason).toMatch(/15 significant digits/);
    expect(reason).toMatch(/format the NIK column as text/);
  });

  it('refuses the scientific notation Excel writes into a CSV', () => {
    expect(reasonOf(nik('3.37401E+15'))).toMatch(/15 significant digits/);
  });

  it.each(['337401234567890', '33740123456789012', '3374-0123-4567-8901', 'abcdefghijklmnop'])(
    'refuses %s',
    (raw) => {
      expect(nik(raw).ok).toBe(false);
    },
  );

  it('never repeats the NIK in a reason', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10,20}$/), (digits) => {
        for (const raw of [digits, Number(digits), `${digits}x`]) {
          const reason = reasonOf(nik(raw)) ?? '';
          expect(reason.includes(digits)).toBe(false);
          expect(reason.includes(String(Number(digits)))).toBe(false);
        }
      }),
    );
  });
});

describe('interest answers', () => {
  table(interestAnswer, [
    ['0', 0],
    [4, 4],
    ['', undefined],
    [null, undefined],
  ]);
  refuses(interestAnswer, ['5', -1, 'suka', 2.5]);
});

describe('no cell parser throws', () => {
  const parsers: CellParser<unknown>[] = [
    yesNo,
    integer(0, 10),
    decimal(0, 10),
    rupiah,
    calendarDate(),
    dateOrDateTime,
    list(education),
    education,
    occupationCode,
    district(),
    riasec,
    nik,
    gender,
  ];
  it('on any JSON-like or spreadsheet value', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
      fc.array(fc.oneof(fc.string(), fc.integer())),
      fc.object(),
    );
    fc.assert(
      fc.property(cell, (raw) => {
        for (const parse of parsers) {
          const parsed = parse(raw);
          expect(typeof parsed.ok).toBe('boolean');
        }
      }),
    );
  });
});
