/**
 * The youth's optional contact details (display name and phone): how they are read from upload
 * files, stored on the profile, and who sees them: the counsellor's views carry them, the
 * employer's candidate view never does.
 */
import { describe, expect, it } from 'vitest';
import {
  counsellorYouthListItem,
  counsellorYouthView,
  employerCandidateView,
} from '#core/access/projections';
import { personName, phone } from '#core/records/cells';
import { parseRecords } from '#core/records/parse';
import { translateReason } from '#core/records/reasons';
import { youthProfile } from '../../integration/api/fixtures.ts';

const interests = Object.fromEntries(
  [...'RIASEC'].flatMap((l) =>
    Array.from({ length: 10 }, (_, i) => [`${l}${String(i + 1).padStart(2, '0')}`, 2]),
  ),
);

const assessment = {
  youth_id: 'Y-0001',
  instrument: 'sinergi-minat-bakat-v1',
  assessed_at: '2026-03-01',
  gender: 'F',
  birth_date: '2001-05-17',
  district: '3374',
  education: 'SMK',
  interests,
};

describe('phone numbers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(024) 8765 4321', '+62248765432' + '1'],
    [81234567890, '+6281234567890'],
    ["'081234567890", '+6281234567890'],
  ])('%s is %s', (raw, expected) => {
    expect(phone(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['+1 415 555 0100', '0899', '0812345678901234', 'call me', '00812345678'])(
    '%s is refused without repeating it',
    (raw) => {
      const result = phone(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toContain(raw);
    },
  );

  it('blank is absent', () => {
    expect(phone('  ')).toEqual({ ok: true, value: undefined });
  });
});

describe('display name and phone in assessment files', () => {
  it('are read from Indonesian column names and stored normalised', () => {
    const result = parseRecords(
      'assessments',
      [{ row: 2, values: { ...assessment, nama: '  Siti Rahma ', no_hp: '0812 3456 7890' } }],
      { file: 'asesmen.json' },
    );
    expect(result.rejected).toEqual([]);
    expect(result.records[0]).toMatchObject({ display_name: 'Siti Rahma', phone: '+6281234567890' });
  });

  it('a bad phone rejects the row with the field named and the number not repeated', () => {
    const result = parseRecords('assessments', [{ row: 2, values: { ...assessment, phone: '12345' } }], {
      file: 'asesmen.json',
    });
    expect(result.records).toEqual([]);
    expect(result.rejected[0]).toMatchObject({ row: 2, field: 'phone' });
    expect(result.rejected[0]?.reason).not.toContain('12345');
  });
});

describe('who sees the contact details', () => {
  const profile = { ...youthProfile('Y-0001', '3374'), displayName: 'Siti Rahma', phone: '+6281234567890' };

  it("the counsellor's youth view and list item carry them", () => {
    expect(counsellorYouthView(profile, { asOf: '2026-11-27' })).toMatchObject({
      displayName: 'Siti Rahma',
      phone: '+6281234567890',
    });
    const item = counsellorYouthListItem(profile);
    expect(item.displayName).toBe('Siti Rahma');
    expect(JSON.stringify(item)).not.toContain('+6281234567890');
  });

  it("an employer's candidate view never does", () => {
    const view = employerCandidateView({
      youth: profile,
      score: 0.5,
      opportunitySkills: [],
      pseudonym: 'cand_1',
    });
    expect(JSON.stringify(view)).not.toContain('Siti');
    expect(JSON.stringify(view)).not.toContain('6281234567890');
  });

  it('a profile without them shows none', () => {
    const view = counsellorYouthView(youthProfile('Y-0002', '3374'), { asOf: '2026-11-27' });
    expect('displayName' in view).toBe(false);
    expect('phone' in view).toBe(false);
  });
});

describe('Indonesian reasons', () => {
  it('every reason a bad phone or name gets is in the catalogue', () => {
    const reasons = ['+1 415 555 0100', '0899', 'call me', true].map((raw) => {
      const result = phone(raw);
      return result.ok ? 'accepted' : result.reason;
    });
    const named = personName('Siti\u0007');
    if (!named.ok) reasons.push(named.reason);
    for (const reason of reasons) expect(translateReason(reason, 'id').translated, reason).toBe(true);
  });
});
