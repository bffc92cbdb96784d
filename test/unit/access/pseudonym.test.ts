import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePseudonymiser } from '#functions/api/auth/pseudonym';

const KEY = 'k'.repeat(32);

describe('candidate pseudonyms', () => {
  const pseudonym = candidatePseudonymiser(KEY);

  it('are stable for a vacancy and youth, and carry neither id', () => {
    const p = pseudonym('V-1', 'Y-0001');
    expect(p).toBe(pseudonym('V-1', 'Y-0001'));
    expect(p).toMatch(/^cand_[A-Za-z0-9_-]{20}$/);
    expect(p).not.toContain('Y-0001');
    expect(p).not.toContain('V-1');
  });

  it('differ between vacancies, so two candidate lists cannot be joined', () => {
    expect(pseudonym('V-1', 'Y-0001')).not.toBe(pseudonym('V-2', 'Y-0001'));
  });

  it('differ under another key', () => {
    expect(candidatePseudonymiser('j'.repeat(32))('V-1', 'Y-0001')).not.toBe(pseudonym('V-1', 'Y-0001'));
  });

  it('property: distinct (vacancy, youth) pairs get distinct pseudonyms, also when the ids run together', () => {
    expect(pseudonym('a', 'bc')).not.toBe(pseudonym('ab', 'c'));
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (v1, y1, v2, y2) => {
        fc.pre(v1 !== v2 || y1 !== y2);
        expect(pseudonym(v1, y1)).not.toBe(pseudonym(v2, y2));
      }),
    );
  });

  it('a short key is refused', () => {
    expect(() => candidatePseudonymiser('short')).toThrow(RangeError);
  });
});
