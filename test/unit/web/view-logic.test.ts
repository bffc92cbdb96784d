import { describe, expect, it } from 'vitest';
import { initialChunks } from '../../../web/budget.ts';
import { safeReturnTo } from '../../../web/src/shared/auth/home.ts';
import { relativeProfile } from '../../../web/src/shared/charts/profile.ts';

const chunk = (fileName: string, imports: string[], extra: { isEntry?: boolean; facade?: string } = {}) => ({
  type: 'chunk' as const,
  fileName,
  code: fileName.repeat(10),
  imports,
  isEntry: extra.isEntry ?? false,
  facadeModuleId: extra.facade ?? null,
});

describe('initialChunks (build budget)', () => {
  const chunks = [
    chunk('index.js', ['react.js'], { isEntry: true, facade: '/w/web/index.html' }),
    chunk('react.js', []),
    chunk('counsellor.js', ['query.js', 'react.js'], { facade: '/w/web/src/features/counsellor/index.tsx' }),
    chunk('query.js', []),
    chunk('youth.js', ['plot.js'], { facade: '/w/web/src/features/counsellor/YouthPage.tsx' }),
    chunk('plot.js', []),
  ];

  it("counts the entry, the route and their static imports, not the route's lazy pages", () => {
    const files = initialChunks(chunks, 'src/features/counsellor/index.tsx').map((c) => c.fileName);
    expect(files.sort()).toEqual(['counsellor.js', 'index.js', 'query.js', 'react.js']);
  });

  it('fails loudly when the route is no longer a chunk of its own', () => {
    expect(() => initialChunks(chunks, 'src/features/manager/index.tsx')).toThrow(/no chunk is built from/);
  });
});

describe('relativeProfile', () => {
  it('scales to the highest value and keeps missing letters missing', () => {
    expect(relativeProfile([2, 4, null, 1, 0, 4])).toEqual([0.5, 1, null, 0.25, 0, 1]);
  });
  it('has no shape when every value is zero', () => {
    expect(relativeProfile([0, 0, 0, 0, 0, 0])).toEqual([null, null, null, null, null, null]);
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/counsellor/youth/Y-1', '/counsellor/youth/Y-1'],
    ['//evil.example/x', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example', undefined],
    [null, undefined],
  ])('%s -> %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});
