import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import {
  centralJavaDistricts,
  commuteKm,
  createDistanceMatrix,
  DEFAULT_ROAD_FACTOR,
  distanceKm,
  districtDistance,
  getDistrict,
  haversineKm,
} from '#core/reference/districts';

const codes = centralJavaDistricts.map((d) => d.code);
const code = fc.constantFrom(...codes);

describe('centralJavaDistricts', () => {
  it('lists the 29 regencies 3301..3329 and the 6 cities 3371..3376, each once', () => {
    expect(centralJavaDistricts).toHaveLength(35);
    expect(new Set(codes).size).toBe(35);
    const expected = [
      ...Array.from({ length: 29 }, (_, i) => String(3301 + i)),
      ...Array.from({ length: 6 }, (_, i) => String(3371 + i)),
    ];
    expect(codes).toEqual(expected);
    expect(centralJavaDistricts.filter((d) => d.kind === 'kota').map((d) => d.name)).toEqual([
      'Kota Magelang',
      'Kota Surakarta',
      'Kota Salatiga',
      'Kota Semarang',
      'Kota Pekalongan',
      'Kota Tegal',
    ]);
  });

  it('names each district by BPS code with its capital', () => {
    expect(getDistrict('3301')).toMatchObject({
      name: 'Kabupaten Cilacap',
      kind: 'kabupaten',
      capital: 'Cilacap',
    });
    expect(getDistrict('3302')).toMatchObject({ name: 'Kabupaten Banyumas', capital: 'Purwokerto' });
    expect(getDistrict('3322')).toMatchObject({ name: 'Kabupaten Semarang', capital: 'Ungaran' });
    expect(getDistrict('3329')).toMatchObject({ name: 'Kabupaten Brebes', capital: 'Brebes' });
    expect(getDistrict('3374')).toMatchObject({ name: 'Kota Semarang', kind: 'kota', capital: 'Semarang' });
    expect(getDistrict('3372')?.name).toBe('Kota Surakarta');
    expect(getDistrict('3377')).toBeUndefined();
  });

  it('places every capital inside Jawa Tengah', () => {
    for (const d of centralJavaDistricts) {
      expect(d.lat).toBeGreaterThan(-8.3);
      expect(d.lat).toBeLessThan(-6.4);
      expect(d.lon).toBeGreaterThan(108.5);
      expect(d.lon).toBeLessThan(111.7);
    }
  });
});

describe('distanceKm', () => {
  it('puts Semarang and Solo about 80-95 km apart in a straight line', () => {
    const km = distanceKm('3374', '3372')!;
    expect(km).toBeGreaterThanOrEqual(78);
    expect(km).toBeLessThanOrEqual(95);
  });

  it('knows neighbours are near and the far west is far from the far east', () => {
    expect(distanceKm('3376', '3328')).toBeLessThan(20); // Kota Tegal - Slawi
    expect(distanceKm('3371', '3308')).toBeLessThan(20); // Kota Magelang - Mungkid
    expect(distanceKm('3329', '3316')).toBeGreaterThan(230); // Brebes - Blora
  });

  it('is zero on the diagonal, symmetric, rounded to 0.1 km and within the province (property)', () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        const d = distanceKm(a, b)!;
        expect(d).toBe(distanceKm(b, a));
        expect(Math.round(d * 10) / 10).toBe(d);
        if (a === b) expect(d).toBe(0);
        else expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThan(300);
      }),
    );
  });

  it('satisfies the triangle inequality up to rounding (property)', () => {
    fc.assert(
      fc.property(code, code, code, (a, b, c) => {
        // Each distance is rounded to 0.1 km, so three roundings can add up to 3 x 0.05 km.
        expect(distanceKm(a, c)!).toBeLessThanOrEqual(distanceKm(a, b)! + distanceKm(b, c)! + 0.15 + 1e-9);
      }),
    );
  });

  it('answers undefined for an unknown code', () => {
    expect(distanceKm('3374', '3501')).toBeUndefined();
    expect(districtDistance('9999', '3374')).toBeUndefined();
  });

  it('measures a great circle: one degree of latitude is about 111.2 km', () => {
    expect(haversineKm({ lat: -7, lon: 110 }, { lat: -8, lon: 110 })).toBeCloseTo(111.19, 1);
  });
});

describe('createDistanceMatrix', () => {
  it('answers every pair as distanceKm does', () => {
    const matrix = createDistanceMatrix(codes);
    expect(matrix.km).toHaveLength(35 * 35);
    for (const a of codes) {
      for (const b of codes) {
        expect(matrix.at(matrix.indexOf(a), matrix.indexOf(b))).toBe(distanceKm(a, b));
        expect(matrix.lookup(a, b)).toBe(distanceKm(a, b));
      }
    }
  });

  it('indexes a subset in the order given', () => {
    const matrix = createDistanceMatrix(['3374', '3329', '3302']);
    expect(matrix.indexOf('3329')).toBe(1);
    expect(matrix.indexOf('3301')).toBe(-1);
    expect(matrix.lookup('3374', '3301')).toBeUndefined();
    expect(matrix.at(0, 1)).toBe(distanceKm('3374', '3329'));
  });

  it('rejects unknown and repeated codes, listing each', () => {
    try {
      createDistanceMatrix(['3374', '3399', '3374']);
      expect.unreachable('unknown codes must be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.reason)).toEqual([
        'unknown district code 3399',
        'district code 3374 listed twice',
      ]);
    }
  });
});

describe('commuteKm', () => {
  it('multiplies the straight line by the road factor, 1.3 by default', () => {
    expect(DEFAULT_ROAD_FACTOR).toBe(1.3);
    const straight = distanceKm('3374', '3372')!;
    expect(commuteKm('3374', '3372')).toBeCloseTo(straight * 1.3, 1);
    expect(commuteKm('3374', '3372', 1)).toBe(straight);
    expect(commuteKm('3374', '3374', 1.5)).toBe(0);
    expect(commuteKm('3374', '0000')).toBeUndefined();
  });

  it('refuses a road factor below 1', () => {
    expect(() => commuteKm('3374', '3372', 0.8)).toThrow(RangeError);
    expect(() => commuteKm('3374', '3372', Number.NaN)).toThrow(RangeError);
  });
});
