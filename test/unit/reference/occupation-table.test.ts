import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { createOccupationReference, occupationReference } from '#core/reference/occupations';
import { parseOnet, SOURCE_FILES } from '../../../scripts/build-occupation-reference.ts';

const repo = resolve(import.meta.dirname, '../../..');
const committed = join(repo, 'core/reference/data/occupations.json');
const script = join(repo, 'scripts/build-occupation-reference.ts');
/** The public source data lives next to the repository; CI can point elsewhere. */
const dataDir = process.env['SINERGI_REFERENCE_DATA'] ?? resolve(repo, '../shared/data');
const haveData = existsSync(join(dataDir, SOURCE_FILES.crosswalk));

describe('the committed occupation table', () => {
  const all = occupationReference.all();

  it('covers the crosswalk unit groups with valid profiles', () => {
    expect(all.length).toBeGreaterThan(400);
    for (const entry of all) {
      expect(entry.code).toMatch(/^\d{4}$/);
      for (const level of entry.riasec) {
        expect(level).toBeGreaterThanOrEqual(1);
        expect(level).toBeLessThanOrEqual(7);
      }
      for (const sd of entry.spread) expect(sd).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(entry.jobZone)).toBe(true);
      expect(entry.jobZone).toBeGreaterThanOrEqual(1);
      expect(entry.jobZone).toBeLessThanOrEqual(5);
      expect(entry.onetCount).toBe(entry.onetCodes.length);
      expect(entry.examples.length).toBeGreaterThan(0);
      expect(entry.examples.length).toBeLessThanOrEqual(3);
    }
  });

  it('is sorted by code and answers get, all and lookup alike', () => {
    const codes = all.map((e) => e.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    const shopAssistants = occupationReference.get('5223');
    expect(shopAssistants?.title).toBe('Shop sales assistants');
    expect(occupationReference.lookup('5223')).toBe(shopAssistants);
    expect(occupationReference.lookup('0000')).toBeUndefined();
  });

  it('carries the sources and the verbatim O*NET attribution', () => {
    expect(occupationReference.header.attribution).toContain(
      'This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA.',
    );
    expect(occupationReference.header.attribution.join(' ')).toMatch(
      /Kanders, Djumalieva, Sleeman and Orlik \(2020\)/,
    );
  });

  it('profiles plausible groups the way their occupations read', () => {
    const highest = (code: string) => {
      const riasec = occupationReference.get(code)!.riasec;
      return 'RIASEC'[riasec.indexOf(Math.max(...riasec))];
    };
    expect(highest('7212')).toBe('R'); // welders
    expect(highest('2341')).toBe('S'); // primary school teachers
    expect(highest('4311')).toBe('C'); // bookkeeping clerks
    expect(highest('2651')).toBe('A'); // visual artists
    expect(occupationReference.get('9111')!.jobZone).toBeLessThanOrEqual(2); // domestic cleaners
    expect(occupationReference.get('2221')!.jobZone).toBeGreaterThanOrEqual(3); // nurses
  });
});

describe('createOccupationReference', () => {
  const table = JSON.parse(readFileSync(committed, 'utf8'));

  it('rejects a table with an out-of-range profile, naming the field', () => {
    const broken = structuredClone(table);
    broken.occupations[0].riasec[2] = 7.5;
    broken.occupations[1].jobZone = 6;
    try {
      createOccupationReference(broken);
      expect.unreachable('a broken table must not load');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).issues.map((i) => i.field);
      expect(fields).toEqual(['occupations.0.riasec.2', 'occupations.1.jobZone']);
    }
  });

  it('rejects unsorted or repeated codes', () => {
    const broken = structuredClone(table);
    broken.occupations[1].code = broken.occupations[0].code;
    expect(() => createOccupationReference(broken)).toThrow(/unique and ascending/);
  });
});

describe.skipIf(!haveData)(`the table against the source data in ${dataDir}`, () => {
  it('regenerates to identical bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'occupations-'));
    try {
      const out = join(dir, 'occupations.json');
      const summary = execFileSync(
        process.execPath,
        ['--import', 'tsx', script, '--data', dataDir, '--out', out],
        {
          cwd: repo,
          encoding: 'utf8',
        },
      );
      expect(summary).toMatch(/unit groups: \d+/);
      expect(readFileSync(out)).toEqual(readFileSync(committed));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every group fed by one O*NET occupation that occupation’s own interest levels', () => {
    const read = (file: string) => readFileSync(join(dataDir, file), 'utf8');
    const onet = parseOnet({
      interests: read(SOURCE_FILES.interests),
      jobZones: read(SOURCE_FILES.jobZones),
      occupations: read(SOURCE_FILES.occupations),
    });
    const single = occupationReference.all().filter((e) => e.onetCount === 1);
    expect(single.length).toBeGreaterThan(50);
    for (const entry of single) {
      const source = onet.get(entry.onetCodes[0]!)!;
      expect(entry.riasec).toEqual(source.interests);
      expect(entry.spread).toEqual([0, 0, 0, 0, 0, 0]);
      expect(entry.jobZone).toBe(source.jobZone);
    }
  });
});
