import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '#core/access/errors';
import { claimList, principalFromClaims, ROLES, roleFromGroups } from '#core/access/principal';
import { DomainError } from '#core/domain/errors';

const base = { sub: 'user-1', token_use: 'id' };

describe('cognito:groups in every form it arrives in', () => {
  it.each([
    ['a JSON array (decoded token)', ['counsellor']],
    ['the authorizer string form', '[counsellor]'],
    ['a plain string', 'counsellor'],
    ['a JSON array as text', '["counsellor"]'],
    ['the authorizer form with padding', '[ counsellor ]'],
  ])('%s', (_form, groups) => {
    const principal = principalFromClaims({ ...base, 'cognito:groups': groups, 'custom:districts': '3374' });
    expect(principal).toEqual({ subject: 'user-1', role: 'counsellor', districts: ['3374'] });
  });

  it('the "[a b]" form splits on whitespace like an array', () => {
    expect(claimList('[counsellor manager]')).toEqual(['counsellor', 'manager']);
    expect(claimList(['counsellor', 'manager'])).toEqual(['counsellor', 'manager']);
    expect(claimList('[]')).toEqual([]);
    expect(claimList(undefined)).toEqual([]);
    expect(claimList('')).toEqual([]);
  });

  it('property: array, authorizer string and JSON text of the same groups read the same', () => {
    const group = fc.stringMatching(/^[A-Za-z0-9_:.-]{1,20}$/);
    fc.assert(
      fc.property(fc.array(group, { maxLength: 6 }), (groups) => {
        expect(claimList(`[${groups.join(' ')}]`)).toEqual(groups);
        expect(claimList(JSON.stringify(groups))).toEqual(groups);
        expect(claimList(groups)).toEqual(groups);
      }),
    );
  });

  it('groups that are not programme roles are ignored', () => {
    const principal = principalFromClaims({
      ...base,
      'cognito:groups': '[ap-southeast-3_abc_Google employer]',
      'custom:employer_id': 'EMP-7',
    });
    expect(principal.role).toBe('employer');
  });
});

describe('one account, one role', () => {
  it.each(ROLES)('a single %s group is that role', (role) => {
    expect(roleFromGroups([role])).toBe(role);
    expect(roleFromGroups([role, role])).toBe(role);
  });

  it.each([
    [['counsellor', 'manager']],
    [['employer', 'counsellor']],
    [['provider', 'employer']],
    [['manager', 'provider', 'counsellor']],
  ])('%j is ambiguous and refused, not merged', (groups) => {
    expect(() => roleFromGroups(groups)).toThrow(ForbiddenError);
  });

  it('admin with another role acts as admin only', () => {
    const principal = principalFromClaims({
      ...base,
      'cognito:groups': '[counsellor admin]',
      'custom:districts': '3374',
    });
    expect(principal).toEqual({ subject: 'user-1', role: 'admin', districts: [] });
  });

  it('no programme role at all is forbidden', () => {
    expect(() => principalFromClaims({ ...base })).toThrow(ForbiddenError);
    expect(() => principalFromClaims({ ...base, 'cognito:groups': '[staff]' })).toThrow(ForbiddenError);
  });
});

describe('attributes each role needs', () => {
  it.each([
    ['3374,3322', ['3322', '3374']],
    ['3374 3322', ['3322', '3374']],
    ['3374, 3322,,3374', ['3322', '3374']],
    ['[3374 3322]', ['3322', '3374']],
  ])('counsellor districts %j', (districts, expected) => {
    const principal = principalFromClaims({
      ...base,
      'cognito:groups': 'counsellor',
      'custom:districts': districts,
    });
    expect(principal.districts).toEqual(expected);
  });

  it('a counsellor without districts is forbidden', () => {
    expect(() => principalFromClaims({ ...base, 'cognito:groups': 'counsellor' })).toThrow(ForbiddenError);
    expect(() =>
      principalFromClaims({ ...base, 'cognito:groups': 'counsellor', 'custom:districts': ' , ' }),
    ).toThrow(ForbiddenError);
  });

  it.each(['337', '33740', 'Semarang', '3374;3322'])(
    'a district code %j that is not 4 digits is refused',
    (code) => {
      expect(() =>
        principalFromClaims({ ...base, 'cognito:groups': 'counsellor', 'custom:districts': code }),
      ).toThrow(/custom:districts/);
    },
  );

  it('a manager without districts sees every district; with them, only those', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': 'manager' }).districts).toEqual([]);
    expect(
      principalFromClaims({ ...base, 'cognito:groups': 'manager', 'custom:districts': '3374' }).districts,
    ).toEqual(['3374']);
  });

  it('an employer needs custom:employer_id; district claims are not carried over', () => {
    expect(() => principalFromClaims({ ...base, 'cognito:groups': 'employer' })).toThrow(
      /custom:employer_id/,
    );
    expect(() =>
      principalFromClaims({ ...base, 'cognito:groups': 'employer', 'custom:employer_id': '  ' }),
    ).toThrow(ForbiddenError);
    const principal = principalFromClaims({
      ...base,
      'cognito:groups': 'employer',
      'custom:employer_id': 'EMP-1',
      'custom:districts': '3374',
      'custom:provider_id': 'PRV-9',
    });
    expect(principal).toEqual({ subject: 'user-1', role: 'employer', districts: [], employerId: 'EMP-1' });
  });

  it('a provider needs custom:provider_id', () => {
    expect(() => principalFromClaims({ ...base, 'cognito:groups': 'provider' })).toThrow(
      /custom:provider_id/,
    );
    expect(
      principalFromClaims({ ...base, 'cognito:groups': 'provider', 'custom:provider_id': 'PRV-1' }),
    ).toEqual({
      subject: 'user-1',
      role: 'provider',
      districts: [],
      providerId: 'PRV-1',
    });
  });

  it('an owner id with control characters is refused', () => {
    expect(() =>
      principalFromClaims({ ...base, 'cognito:groups': 'employer', 'custom:employer_id': 'EMP\n1' }),
    ).toThrow(ForbiddenError);
  });
});

describe('claims that identify nobody', () => {
  it('no subject is unauthorized', () => {
    expect(() => principalFromClaims({ 'cognito:groups': 'admin' })).toThrow(UnauthorizedError);
    expect(() => principalFromClaims({ sub: '', 'cognito:groups': 'admin' })).toThrow(UnauthorizedError);
  });

  it('an access token is unauthorized: only ID tokens carry the custom attributes', () => {
    expect(() => principalFromClaims({ sub: 'u', token_use: 'access', 'cognito:groups': 'admin' })).toThrow(
      UnauthorizedError,
    );
  });

  it('both errors are domain errors the API maps by class', () => {
    expect(new UnauthorizedError('x')).toBeInstanceOf(DomainError);
    expect(new ForbiddenError('x')).toBeInstanceOf(DomainError);
    expect(new UnauthorizedError('x').name).toBe('UnauthorizedError');
    expect(new ForbiddenError('x').name).toBe('ForbiddenError');
  });
});
