import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, codeFromBytes, displayCode, normaliseCode } from '#core/assessment/code';
import { CONSENT_TEXT, type ConsentGiven, consentRecord } from '#core/assessment/consent';
import { ValidationError } from '#core/domain/errors';

describe('invitation codes', () => {
  it('use 32 characters without 0, 1, I and O, so one byte is one unbiased character', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const confusable of '01IO') expect(CODE_ALPHABET).not.toContain(confusable);
  });

  it('are 8 characters of the alphabet, read back the same however they are typed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: CODE_LENGTH, maxLength: CODE_LENGTH }), (bytes) => {
        const code = codeFromBytes(bytes);
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
        expect(normaliseCode(displayCode(code))).toBe(code);
        expect(normaliseCode(` ${displayCode(code).toLowerCase()} `)).toBe(code);
      }),
    );
  });

  it('refuse what cannot be a code, with a message for the youth', () => {
    for (const typed of ['ABCD-EFG', 'ABCD-EFGH2', 'ABCD-EF0H', 'ABCD-EFIH', '']) {
      expect(() => normaliseCode(typed)).toThrow(ValidationError);
    }
    expect(() => normaliseCode('ABCD-EF0H')).toThrow(/tanpa 0, 1, I dan O/);
  });
});

describe('consent', () => {
  const context = { youthId: 'Y-1', invitationId: 'inv-1', recordedAt: '2026-12-01T08:00:00.000Z' };
  const adult = { ...context, birthDate: '2008-11-30' };
  const minor = { ...context, birthDate: '2008-12-02' };
  const youthOnly: ConsentGiven = {
    textVersion: CONSENT_TEXT.version,
    givenAt: '2026-12-01T07:59:00+07:00',
    youthAgrees: true,
  };
  const withGuardian: ConsentGiven = {
    ...youthOnly,
    guardian: { name: ' Ibu Sri ', relationship: 'parent', agrees: true },
  };
  const reasons = (given: ConsentGiven, ctx: typeof adult) => {
    try {
      consentRecord(given, ctx);
      return [];
    } catch (error) {
      return (error as ValidationError).issues.map((i) => i.field);
    }
  };

  it('of an 18-year-old is the youth’s own', () => {
    expect(consentRecord(youthOnly, adult)).toEqual({ ...youthOnly, ...context, minor: false });
  });

  it('of someone under 18 needs a named guardian who agrees', () => {
    expect(reasons(youthOnly, minor)).toEqual(['consent.guardian']);
    expect(
      reasons({ ...withGuardian, guardian: { ...withGuardian.guardian!, agrees: false } }, minor),
    ).toEqual(['consent.guardian']);
    expect(reasons({ ...withGuardian, guardian: { ...withGuardian.guardian!, name: '  ' } }, minor)).toEqual([
      'consent.guardian',
    ]);
    expect(consentRecord(withGuardian, minor)).toMatchObject({
      minor: true,
      guardian: { name: 'Ibu Sri', relationship: 'parent', agrees: true },
    });
  });

  it('is refused without the youth’s agreement or for another text version', () => {
    expect(reasons({ ...youthOnly, youthAgrees: false }, adult)).toEqual(['consent.youthAgrees']);
    expect(reasons({ ...youthOnly, textVersion: 'consent-v0' }, adult)).toEqual(['consent.textVersion']);
  });
});
