import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import { nikPseudonymiser, pseudonymiseNik } from '#functions/shared/nik';

const KEY = 'kunci-rahasia-sinergi-2026-minimal-32b';

describe('pseudonymiseNik', () => {
  it('is HMAC-SHA256 in lower-case hex (value checked with openssl dgst -hmac)', () => {
    expect(pseudonymiseNik('3374010101900001', KEY)).toBe(
      '9a49e79d7709b6b36cbd4af0d88502241b3c564f937173b39fa5e33345bf033b',
    );
  });

  it('accepts the key as bytes and ignores spaces around the NIK', () => {
    expect(pseudonymiseNik(' 3374010101900001 ', new TextEncoder().encode(KEY))).toBe(
      pseudonymiseNik('3374010101900001', KEY),
    );
  });

  it('rejects a key shorter than 32 bytes and accepts exactly 32', () => {
    expect(() => pseudonymiseNik('3374010101900001', 'k'.repeat(31))).toThrow(RangeError);
    expect(() => nikPseudonymiser(new Uint8Array(31))).toThrow(RangeError);
    expect(pseudonymiseNik('3374010101900001', 'k'.repeat(32))).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['337401010190000', '33740101019000012', '3.374010101900E+15', '337401010190000O', ''])(
    'rejects %j without repeating it in the error',
    (nik) => {
      let thrown: unknown;
      try {
        pseudonymiseNik(nik, KEY);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      const message = String((thrown as Error).message);
      expect(message).toContain('nik');
      if (nik) expect(message).not.toContain(nik);
    },
  );

  it('is deterministic, depends on the key, and never contains the NIK', () => {
    const other = nikPseudonymiser('another-secret-key-of-at-least-32-bytes');
    const bound = nikPseudonymiser(KEY);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const hash = bound(nik);
        expect(hash).toBe(pseudonymiseNik(nik, KEY));
        expect(hash).not.toBe(other(nik));
        expect(hash).not.toContain(nik);
      }),
    );
  });

  it('gives different NIKs different pseudonyms', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), fc.stringMatching(/^\d{16}$/), (a, b) => {
        fc.pre(a !== b);
        expect(pseudonymiseNik(a, KEY)).not.toBe(pseudonymiseNik(b, KEY));
      }),
    );
  });
});
