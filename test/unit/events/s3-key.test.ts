import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEventKey, encodeEventKey, S3KeyDecodingError } from '#functions/shared/s3-key';

describe('S3 event key encoding', () => {
  it.each([
    ['incoming/assessments/my file.csv', 'incoming/assessments/my+file.csv'],
    ['incoming/assessments/a+b.csv', 'incoming/assessments/a%2Bb.csv'],
    ['incoming/assessments/100%.csv', 'incoming/assessments/100%25.csv'],
    ['incoming/assessments/data/ùnïcode ñ.csv', 'incoming/assessments/data/%C3%B9n%C3%AFcode+%C3%B1.csv'],
    [
      'incoming/vacancies/Lowongan (Semarang) 2026.xlsx',
      'incoming/vacancies/Lowongan+%28Semarang%29+2026.xlsx',
    ],
    ['incoming/x/dt=2026-11-20/a~b!.csv', 'incoming/x/dt%3D2026-11-20/a%7Eb%21.csv'],
  ])('%s <-> %s', (key, encoded) => {
    expect(encodeEventKey(key)).toBe(encoded);
    expect(decodeEventKey(encoded)).toBe(key);
  });

  it('decodes an encoded slash too, which older notifications contained', () => {
    expect(decodeEventKey('test%2F10%3A47%3A07.log')).toBe('test/10:47:07.log');
  });

  it('refuses a stray percent sign or a broken UTF-8 sequence', () => {
    expect(() => decodeEventKey('100%.csv')).toThrow(S3KeyDecodingError);
    expect(() => decodeEventKey('%C3.csv')).toThrow(S3KeyDecodingError);
  });

  it('round-trips any key and agrees with the form-urlencoded decoder of the platform', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), (key) => {
        const encoded = encodeEventKey(key);
        expect(encoded).toMatch(/^[A-Za-z0-9\-_.*/+%]+$/);
        expect(decodeEventKey(encoded)).toBe(key);
        expect(new URLSearchParams(`k=${encoded}`).get('k')).toBe(key);
      }),
    );
  });
});
