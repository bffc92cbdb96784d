import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateUnitGroups,
  type CrosswalkLink,
  escoFallbackTitle,
  exampleLabels,
  type OnetOccupation,
  parseCrosswalk,
  parseCsv,
  parseOnet,
  parseUnitGroupTitles,
  repairMojibake,
  serializeTable,
  weightedMedian,
  weightedStdDev,
} from '../../../scripts/build-occupation-reference.ts';

const link = (iscoCode: string, onetCode: string, confidence: number, escoOccupation = `esco ${onetCode}`) =>
  ({
    iscoCode,
    onetCode,
    confidence,
    escoOccupation,
    onetTitle: `title of ${onetCode}`,
  }) satisfies CrosswalkLink;

const occupation = (code: string, interests: number[], jobZone: number, title = ''): OnetOccupation => ({
  code,
  title,
  interests: interests as unknown as OnetOccupation['interests'],
  jobZone,
});

const onetOf = (...occupations: OnetOccupation[]) => new Map(occupations.map((o) => [o.code, o]));

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'a,b,c\r\n1,"musicians, instrumental","[\'x\', \'y\']"\n2,"say ""hi""","two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'musicians, instrumental', "['x', 'y']"],
      ['2', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('keeps empty fields and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field/);
  });
});

describe('parseCrosswalk', () => {
  it('reads the Nesta columns and repairs Mac Roman mojibake in ESCO labels', () => {
    const text = [
      'id,esco_occupation,isco_code,onet_code,onet_occupation,matching_job_titles,semantic_similarity,confidence,concept_uri',
      '2470,r√©p√©titeur,2652,27-2042.02,"musicians, instrumental","[\'piano accompanist\', \'accompanist\']",0.74,1.0,http://x',
    ].join('\n');
    expect(parseCrosswalk(text)).toEqual([
      {
        escoOccupation: 'répétiteur',
        iscoCode: '2652',
        onetCode: '27-2042.02',
        onetTitle: 'musicians, instrumental',
        confidence: 1,
      },
    ]);
  });

  it('rejects a unit group code that is not four digits', () => {
    const text = 'esco_occupation,isco_code,onet_code,onet_occupation,confidence\nx,523,41-2031.00,y,1.0\n';
    expect(() => parseCrosswalk(text)).toThrow(/isco_code "523"/);
  });

  it('leaves labels without mojibake untouched', () => {
    expect(repairMojibake('shop assistant')).toBe('shop assistant');
    expect(repairMojibake('caf√© owner, na√Øve')).toBe('café owner, naïve');
  });
});

describe('parseOnet', () => {
  const interests = (code: string, values: number[]) =>
    values.map((v, i) => `${code}\t1.B.1.${'abcdef'[i]}\tX\tOI\t${v}\t02/2026\tAnalyst`).join('\r\n');
  const header = 'O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source';

  it('joins interests, job zones and titles per code and ignores the IH scale', () => {
    const onet = parseOnet({
      interests: `${header}\r\n${interests('11-1011.00', [1, 2, 3, 4, 5, 6])}\r\n11-1011.00\t1.B.1.g\tFirst\tIH\t5\t02/2026\tx\r\n`,
      jobZones:
        'O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n11-1011.00\tChief Executives\t5\t08/2023\tAnalyst\n',
      occupations:
        'O*NET-SOC Code\tTitle\tDescription\r\n11-1011.00\tChief Executives\tDetermine policies.\r\n',
    });
    expect(onet.get('11-1011.00')).toEqual({
      code: '11-1011.00',
      title: 'Chief Executives',
      interests: [1, 2, 3, 4, 5, 6],
      jobZone: 5,
    });
  });

  it('drops an incomplete interest profile rather than averaging a partial one', () => {
    const partial = interests('11-1011.00', [1, 2, 3, 4, 5, 6]).split('\r\n').slice(0, 5).join('\r\n');
    const onet = parseOnet({
      interests: `${header}\r\n${partial}\r\n`,
      jobZones: 'O*NET-SOC Code\tTitle\tJob Zone\n',
      occupations: 'O*NET-SOC Code\tTitle\tDescription\n',
    });
    expect(onet.get('11-1011.00')?.interests).toBeUndefined();
  });

  it('rejects an interest level outside 1..7', () => {
    expect(() =>
      parseOnet({
        interests: `${header}\n${interests('11-1011.00', [1, 2, 3, 4, 5, 8])}\n`,
        jobZones: 'O*NET-SOC Code\tTitle\tJob Zone\n',
        occupations: 'O*NET-SOC Code\tTitle\tDescription\n',
      }),
    ).toThrow(/1\.B\.1\.f = 8/);
  });
});

describe('aggregateUnitGroups', () => {
  it('gives a group fed by one O*NET occupation exactly that occupation’s profile and zero spread', () => {
    const onet = onetOf(occupation('41-2031.00', [2.5, 1.25, 1.75, 3.5, 5.5, 4.25], 2));
    const { profiles } = aggregateUnitGroups(
      [link('5223', '41-2031.00', 1), link('5223', '41-2031.00', 2)],
      onet,
    );
    expect(profiles).toEqual([
      {
        code: '5223',
        riasec: [2.5, 1.25, 1.75, 3.5, 5.5, 4.25],
        spread: [0, 0, 0, 0, 0, 0],
        jobZone: 2,
        onetCodes: ['41-2031.00'],
      },
    ]);
  });

  it('weights each link by its confidence (hand-computed)', () => {
    // Weights 2 and 1 (and 0.5 for a third link): R = (2*1 + 1*4 + 0.5*7) / 3.5 = 9.5 / 3.5 = 2.714...
    const onet = onetOf(
      occupation('47-2031.00', [1, 2, 3, 4, 5, 6], 2),
      occupation('47-2111.00', [4, 2, 3, 4, 5, 6], 3),
      occupation('49-9071.00', [7, 2, 3, 4, 5, 6], 4),
    );
    const { profiles } = aggregateUnitGroups(
      [link('7115', '47-2031.00', 2), link('7115', '47-2111.00', 1), link('7115', '49-9071.00', 0.5)],
      onet,
    );
    const [group] = profiles;
    expect(group!.riasec).toEqual([2.71, 2, 3, 4, 5, 6]);
    // Variance = (2*(1-19/7)^2 + 1*(4-19/7)^2 + 0.5*(7-19/7)^2) / 3.5 = 4.7755..., sd = 2.1853...
    expect(group!.spread).toEqual([2.19, 0, 0, 0, 0, 0]);
    // Cumulative weights over zones 2, 3, 4: 2, 3, 3.5; half of 3.5 is passed at zone 2.
    expect(group!.jobZone).toBe(2);
    expect(group!.onetCodes).toEqual(['47-2031.00', '47-2111.00', '49-9071.00']);
  });

  it('falls back to the parent .00 code, then to an identical title, and omits groups with nothing usable', () => {
    const onet = onetOf(
      occupation('15-1252.00', [1, 6, 2, 1, 3, 4], 4, 'Computer Programmers'),
      occupation('29-1141.00', [2, 5, 1, 6, 2, 3], 3, 'Registered Nurses'),
      { code: '29-1141.01', title: 'Acute Care Nurses' },
    );
    const links: CrosswalkLink[] = [
      { ...link('2514', '15-1131.00', 1), onetTitle: 'computer programmers' },
      link('2221', '29-1141.01', 1),
      link('2211', '29-1062.00', 1),
    ];
    const result = aggregateUnitGroups(links, onet);
    expect(result.profiles.map((p) => [p.code, p.onetCodes])).toEqual([
      ['2221', ['29-1141.00']],
      ['2514', ['15-1252.00']],
    ]);
    expect(result.omitted).toEqual(['2211']);
    expect(result.links).toEqual({ direct: 0, parent: 1, title: 1, unresolved: 1 });
    expect(result.onetUsed).toBe(2);
  });

  it('does not guess when a title names several O*NET occupations', () => {
    const onet = onetOf(
      occupation('51-1111.00', [5, 1, 1, 1, 1, 1], 2, 'Operators'),
      occupation('51-2222.00', [1, 1, 1, 1, 1, 5], 2, 'Operators'),
    );
    const result = aggregateUnitGroups([{ ...link('8189', '51-9999.01', 1), onetTitle: 'operators' }], onet);
    expect(result.omitted).toEqual(['8189']);
  });

  it('keeps every mean within the range of its inputs and every spread non-negative (property)', () => {
    const level = fc.double({ min: 1, max: 7, noNaN: true });
    const member = fc.record({
      interests: fc.tuple(level, level, level, level, level, level),
      zone: fc.integer({ min: 1, max: 5 }),
      confidence: fc.constantFrom(0.5, 1, 2),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), (members) => {
        const onet = onetOf(
          ...members.map((m, i) => occupation(`11-${String(1000 + i)}.00`, m.interests, m.zone)),
        );
        const links = members.map((m, i) => link('1111', `11-${String(1000 + i)}.00`, m.confidence));
        const [group] = aggregateUnitGroups(links, onet).profiles;
        for (let s = 0; s < 6; s += 1) {
          const values = members.map((m) => m.interests[s]!);
          expect(group!.riasec[s]).toBeGreaterThanOrEqual(Math.floor(Math.min(...values) * 100) / 100);
          expect(group!.riasec[s]).toBeLessThanOrEqual(Math.ceil(Math.max(...values) * 100) / 100);
          expect(group!.spread[s]).toBeGreaterThanOrEqual(0);
        }
        const zones = members.map((m) => m.zone);
        expect(group!.jobZone).toBeGreaterThanOrEqual(Math.min(...zones));
        expect(group!.jobZone).toBeLessThanOrEqual(Math.max(...zones));
      }),
    );
  });

  it('does not depend on the order of the crosswalk rows (property)', () => {
    const onet = onetOf(
      occupation('11-1011.00', [1.2, 3, 2.1, 3.5, 6.9, 5], 5),
      occupation('11-1021.00', [2.1, 2.6, 1.5, 3.4, 7, 5.3], 4),
      occupation('11-1031.00', [1.6, 3.4, 2.8, 3.7, 5.3, 3.4], 4),
    );
    const links = [
      link('1111', '11-1011.00', 1),
      link('1111', '11-1031.00', 2),
      link('1120', '11-1011.00', 0.5),
      link('1120', '11-1021.00', 1),
    ];
    const expected = aggregateUnitGroups(links, onet);
    fc.assert(
      fc.property(fc.shuffledSubarray(links, { minLength: links.length }), (shuffled) => {
        expect(aggregateUnitGroups(shuffled, onet)).toEqual(expected);
      }),
    );
  });
});

describe('weighted statistics', () => {
  it('takes the mean of the two middle zones, rounded up, when the weight splits exactly in half', () => {
    expect(weightedMedian([2, 3], [1, 1])).toBe(3);
    expect(weightedMedian([2, 4], [1, 1])).toBe(3);
    expect(weightedMedian([1, 5, 2], [1, 2, 0.5])).toBe(5);
    expect(weightedMedian([4, 1, 2], [1, 1, 1])).toBe(2);
  });

  it('computes the population standard deviation', () => {
    expect(weightedStdDev([1, 3], [1, 1])).toBe(1);
    expect(weightedStdDev([2, 2, 2], [0.5, 1, 2])).toBe(0);
  });
});

describe('titles and examples', () => {
  const links = [
    link('9334', '43-5081.01', 1, 'shelf filler'),
    link('9334', '43-5081.03', 2, 'stock replenisher'),
    link('9334', '43-5081.03', 2, 'night filler'),
    link('9334', '43-5081.03', 0.5, 'aisle worker'),
  ];

  it('lists at most three ESCO labels, most confident first, then alphabetical', () => {
    expect(exampleLabels(links, '9334')).toEqual(['night filler', 'stock replenisher', 'shelf filler']);
  });

  it('falls back to the most frequent ESCO label when no ISCO-08 title is verified', () => {
    expect(escoFallbackTitle([...links, link('9334', '43-5081.01', 0.5, 'aisle worker')], '9334')).toBe(
      'Aisle worker',
    );
  });

  it('reads the unit group title list and refuses a code listed twice', () => {
    const titles = parseUnitGroupTitles(
      'code,title,title_source\n5223,Shop sales assistants,ilo\n9334,,esco\n',
    );
    expect([...titles.values()]).toEqual([
      { code: '5223', title: 'Shop sales assistants', source: 'ilo' },
      { code: '9334', title: '', source: 'esco' },
    ]);
    expect(() => parseUnitGroupTitles('code,title,title_source\n5223,a,ilo\n5223,b,ilo\n')).toThrow(/twice/);
  });
});

describe('serializeTable', () => {
  it('writes one JSON object with one unit group per line', () => {
    const header = { title: 't', sources: [], attribution: ['a'], modified: 'm', method: 'x' };
    const entry = {
      code: '5223',
      title: 'Shop sales assistants',
      titleSource: 'ilo' as const,
      riasec: [2.5, 1, 1, 3, 5, 4] as [number, number, number, number, number, number],
      spread: [0, 0, 0, 0, 0, 0] as [number, number, number, number, number, number],
      jobZone: 2,
      onetCount: 1,
      onetCodes: ['41-2031.00'],
      examples: ['shop assistant'],
    };
    const text = serializeTable({ header, occupations: [entry, { ...entry, code: '9334' }] });
    expect(JSON.parse(text)).toEqual({ header, occupations: [entry, { ...entry, code: '9334' }] });
    expect(text.split('\n').filter((line) => line.includes('"code"'))).toHaveLength(2);
    expect(text.endsWith('\n')).toBe(true);
  });
});
