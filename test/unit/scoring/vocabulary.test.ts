import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '#core/domain/errors';
import { createSkillVocabulary, skillKey } from '#core/skills/vocabulary';

const vocabulary = createSkillVocabulary();

describe('skills-v1', () => {
  it('holds 100 to 160 skills with snake_case ids and labels in both languages', () => {
    const ids = vocabulary.ids();
    expect(ids.length).toBeGreaterThanOrEqual(100);
    expect(ids.length).toBeLessThanOrEqual(160);
    expect(vocabulary.version).toBe('skills-v1');
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(vocabulary.label(id, 'id').length).toBeGreaterThan(0);
      expect(vocabulary.label(id, 'en').length).toBeGreaterThan(0);
    }
  });

  it('covers the programme areas named in the brief', () => {
    for (const id of [
      'driving_sim_a',
      'driving_sim_b1',
      'driving_sim_c',
      'forklift',
      'ms_excel',
      'ms_word',
    ]) {
      expect(vocabulary.has(id)).toBe(true);
    }
    expect(vocabulary.label('japanese_basic', 'en')).toBe('Basic Japanese (JLPT N5)');
    expect(vocabulary.label('cashier', 'id')).toBe('Kasir');
  });

  it('throws NotFoundError for the label of an unknown id', () => {
    expect(() => vocabulary.label('juggling', 'en')).toThrow(NotFoundError);
  });
});

describe('normalise', () => {
  it('matches ids, labels in both languages and aliases', () => {
    expect(vocabulary.normalise(['ms_excel', 'Kasir', 'Forklift operation', 'tukang las']).known).toEqual([
      'ms_excel',
      'cashier',
      'forklift',
      'welding_smaw',
    ]);
  });

  it('ignores case, whitespace, punctuation and diacritics', () => {
    const { known, unknown } = vocabulary.normalise([
      '  MS-EXCEL ',
      'sim  b-1',
      'S.I.M. C',
      'Éxcel',
      'las   LISTRIK',
    ]);
    expect(known).toEqual(['ms_excel', 'driving_sim_b1', 'driving_sim_c', 'welding_smaw']);
    expect(unknown).toEqual([]);
  });

  it('de-duplicates in first-occurrence order and keeps unknown inputs exactly as written', () => {
    const result = vocabulary.normalise([
      'Menganyam pandan',
      'jahit',
      'SEWING',
      'menganyam  PANDAN',
      'Nihongo',
      '',
    ]);
    expect(result).toEqual({ known: ['sewing', 'japanese_basic'], unknown: ['Menganyam pandan'] });
  });

  it('matches non-Latin aliases', () => {
    expect(vocabulary.normalise(['日本語', '한국어']).known).toEqual(['japanese_basic', 'korean_basic']);
  });

  it('resolves any re-spelling of a label to its id (property)', () => {
    const ids = vocabulary.ids();
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom<'id' | 'en'>('id', 'en'),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.constantFrom(' ', '-', '.', '  ', '/'),
        (id, lang, upper, separator) => {
          const respelled = [...vocabulary.label(id, lang)]
            .map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase()))
            .join('')
            .replace(/ /g, separator);
          expect(vocabulary.resolve(`  ${respelled} `)).toBe(id);
        },
      ),
    );
  });
});

describe('createSkillVocabulary', () => {
  const base = {
    version: 'test-v1',
    groups: [{ id: 'office', label: { id: 'Perkantoran', en: 'Office' } }],
    skills: [
      {
        id: 'ms_excel',
        label: { id: 'Microsoft Excel', en: 'Microsoft Excel' },
        aliases: ['excel'],
        group: 'office',
      },
    ],
  };

  it('rejects one spelling that names two skills, an unknown group and a non-snake_case id', () => {
    const data = {
      ...base,
      skills: [
        ...base.skills,
        {
          id: 'Spreadsheets',
          label: { id: 'Lembar kerja', en: 'Spreadsheets' },
          aliases: ['EXCEL'],
          group: 'x',
        },
      ],
    };
    expect(() => createSkillVocabulary(data)).toThrow(ValidationError);
    const noCaseError = { ...data, skills: [base.skills[0], { ...data.skills[1], id: 'spreadsheets' }] };
    try {
      createSkillVocabulary(noCaseError);
      expect.unreachable();
    } catch (error) {
      const reasons = (error as ValidationError).issues.map((i) => i.reason);
      expect(reasons).toContain('"EXCEL" already names ms_excel');
      expect(reasons).toContain('unknown group x');
    }
  });

  it('builds from other data', () => {
    const small = createSkillVocabulary(base);
    expect(small.normalise(['Excel', 'Word'])).toEqual({ known: ['ms_excel'], unknown: ['Word'] });
  });

  it('keys strip accents, case and separators', () => {
    expect(skillKey(' Café-Latte  Art ')).toBe('cafelatteart');
  });
});
