import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '#core/domain/errors';
import { RIASEC } from '#core/domain/riasec';
import { createInstrumentRegistry, defaultInstruments } from '#core/instruments/registry';
import { FULL, itemId, MINI } from './fixtures.ts';

const registry = createInstrumentRegistry();

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('shipped instruments', () => {
  it('the full form has items R01..C10, ten per scale, scale maximum 40', () => {
    const full = registry.get(FULL);
    const expected = RIASEC.flatMap((l) => Array.from({ length: 10 }, (_, i) => itemId(l, i + 1)));
    expect(full.items.map((it) => it.id)).toEqual(expected);
    expect(full.items.every((it) => it.id.startsWith(it.scale))).toBe(true);
    expect(full.scaleMax).toEqual({ R: 40, I: 40, A: 40, S: 40, E: 40, C: 40 });
  });

  it('the mini form has items R01..C05 worded as on the full form, scale maximum 20', () => {
    const mini = registry.get(MINI);
    const full = registry.get(FULL);
    expect(mini.items).toHaveLength(30);
    expect(mini.scaleMax.S).toBe(20);
    for (const item of mini.items) expect(full.itemsById.get(item.id)).toEqual(item);
  });

  it('carries answer labels 0..4, the 0.8 proration threshold and the six aptitude subtests', () => {
    for (const id of [FULL, MINI]) {
      const instrument = registry.get(id);
      expect(instrument.answerMin).toBe(0);
      expect(instrument.answerMax).toBe(4);
      expect(instrument.answerLabels.map((l) => l.label.en)).toEqual([
        'Strongly Dislike',
        'Dislike',
        'Unsure',
        'Like',
        'Strongly Like',
      ]);
      expect(instrument.answerLabels[0]?.label.id).toBe('Sangat Tidak Suka');
      expect(instrument.prorationThreshold).toBe(0.8);
      expect(instrument.aptitudeSubtests).toEqual([
        'verbal',
        'numerical',
        'abstract',
        'spatial',
        'clerical',
        'mechanical',
      ]);
    }
  });

  it('every item statement exists in Bahasa Indonesia and English and no statement repeats', () => {
    const full = registry.get(FULL);
    const texts = full.items.flatMap((it) => [it.text.id, it.text.en]);
    expect(texts.every((t) => t.trim().length > 10)).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('createInstrumentRegistry', () => {
  it('throws a NotFoundError naming the unknown id and the known ones', () => {
    expect(() => registry.get('holland-sds')).toThrow(NotFoundError);
    expect(() => registry.get('holland-sds')).toThrow(/holland-sds.*sinergi-minat-bakat-v1/);
    expect(registry.has(MINI)).toBe(true);
    expect(registry.has('holland-sds')).toBe(false);
  });

  it('rejects a definition with a duplicate item, an item on the wrong scale and a missing label', () => {
    const broken = clone(defaultInstruments[1]!) as {
      items: { id: string; scale: string }[];
      answerLabels: unknown[];
    };
    broken.items[1]!.id = 'R01';
    broken.items[6]!.scale = 'R';
    broken.answerLabels.pop();
    try {
      createInstrumentRegistry([broken]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).issues.map((i) => i.field);
      expect(fields).toContain('instruments[0].items.1.id');
      expect(fields).toContain('instruments[0].items.6.scale');
      expect(fields).toContain('instruments[0].answerLabels');
    }
  });

  it('rejects two instruments with the same id', () => {
    expect(() => createInstrumentRegistry([defaultInstruments[0], defaultInstruments[0]])).toThrow(
      /duplicate instrument id/,
    );
  });

  it('accepts a new instrument version as data', () => {
    const v2 = { ...clone(defaultInstruments[1]!), id: 'sinergi-minat-bakat-mini-v2', version: 2 };
    const extended = createInstrumentRegistry([...defaultInstruments, v2]);
    expect(extended.ids()).toEqual([FULL, MINI, 'sinergi-minat-bakat-mini-v2']);
    expect(extended.get('sinergi-minat-bakat-mini-v2').version).toBe(2);
  });
});
