import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignColumns, compactNumber, displayWidth, fixed, truncate } from '#cli/output/text';

describe('alignColumns', () => {
  it('pads each column to its widest cell and right-aligns where asked', () => {
    const lines = alignColumns(
      [
        ['#', 'score', 'title'],
        ['1', '0.812', 'Operator Jahit'],
        ['10', '0.5', 'Las'],
      ],
      ['right', 'right'],
    );
    expect(lines).toEqual([' #  score  title', ' 1  0.812  Operator Jahit', '10    0.5  Las']);
  });

  it('never leaves trailing spaces when the last column is short', () => {
    const lines = alignColumns([
      ['a', 'long value'],
      ['bbb', ''],
    ]);
    expect(lines).toEqual(['a    long value', 'bbb']);
  });

  it('starts every column at the same position on every line (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '1', '-'), maxLength: 8 });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
      );
    fc.assert(
      fc.property(table, (rows) => {
        const lines = alignColumns(rows, [], ' | ');
        const starts = (line: string) => {
          const positions = [0];
          let at = line.indexOf(' | ');
          while (at >= 0) {
            positions.push(displayWidth(line.slice(0, at)) + 3);
            at = line.indexOf(' | ', at + 3);
          }
          return positions;
        };
        // Separators only appear between columns here, so their positions must agree across lines.
        const full = lines.filter((_line, i) => rows[i]!.at(-1) !== '');
        const expected = full.length > 0 ? starts(full[0]!) : [];
        for (const line of full) expect(starts(line)).toEqual(expected);
      }),
    );
  });
});

describe('cell formatting', () => {
  it('truncates long text with an ellipsis to the width asked', () => {
    expect(truncate('Operator Mesin Jahit Industri', 10)).toBe('Operator …');
    expect(displayWidth(truncate('Operator Mesin Jahit Industri', 10))).toBe(10);
    expect(truncate('Las', 10)).toBe('Las');
  });

  it('prints a dash for a missing value and decimals only when there are some', () => {
    expect(fixed(null, 2)).toBe('-');
    expect(fixed(0.81234, 3)).toBe('0.812');
    expect(compactNumber(26)).toBe('26');
    expect(compactNumber(27.78)).toBe('27.8');
    expect(compactNumber(undefined)).toBe('-');
  });
});
