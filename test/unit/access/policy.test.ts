import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '#core/access/errors';
import {
  ACTIONS,
  type Action,
  type ActionResources,
  authorize,
  decisionCoversDistrict,
  notFound,
  POLICY,
  rolesFor,
  uploadOwnerId,
} from '#core/access/policy';
import { type Principal, ROLES, type Role } from '#core/access/principal';
import { NotFoundError } from '#core/domain/errors';
import { ADMIN, COUNSELLOR, EMPLOYER, MANAGER, PROVIDER } from './fixtures.ts';

const PRINCIPALS: Record<Role, Principal> = {
  counsellor: COUNSELLOR,
  employer: EMPLOYER,
  provider: PROVIDER,
  manager: MANAGER,
  admin: ADMIN,
};

type Outcome = 'allow' | 403 | 404;

/**
 * Written by hand from the issue and docs/security.md, independently of POLICY: for each action and
 * role, the outcome on a record of the caller's own scope and on a record of someone else's.
 */
const EXPECTED: Record<Action, Record<Role, [own: Outcome, foreign: Outcome]>> = {
  health: {
    counsellor: ['allow', 'allow'],
    employer: ['allow', 'allow'],
    provider: ['allow', 'allow'],
    manager: ['allow', 'allow'],
    admin: ['allow', 'allow'],
  },
  'youth:list': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'youth:read': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'youth:recommendations': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'vacancy:candidates': {
    counsellor: ['allow', 'allow'],
    employer: ['allow', 404],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'outcome:record': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'upload:create': {
    counsellor: [403, 403],
    employer: ['allow', 403],
    provider: ['allow', 403],
    manager: [403, 403],
    admin: ['allow', 'allow'],
  },
  'upload:read': {
    counsellor: [403, 403],
    employer: ['allow', 404],
    provider: ['allow', 404],
    manager: [403, 403],
    admin: ['allow', 'allow'],
  },
  'upload:list': {
    counsellor: [403, 403],
    employer: ['allow', 'allow'],
    provider: ['allow', 'allow'],
    manager: [403, 403],
    admin: ['allow', 'allow'],
  },
  'upload:template': {
    counsellor: [403, 403],
    employer: ['allow', 403],
    provider: ['allow', 403],
    manager: [403, 403],
    admin: ['allow', 'allow'],
  },
  'opportunity:list': {
    counsellor: [403, 403],
    employer: ['allow', 'allow'],
    provider: ['allow', 'allow'],
    manager: [403, 403],
    admin: [403, 403],
  },
  'vacancy:interest': {
    counsellor: [403, 403],
    employer: ['allow', 404],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'reports:summary': {
    counsellor: [403, 403],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 403],
    admin: [403, 403],
  },
  'reports:audit': {
    counsellor: [403, 403],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 403],
    admin: [403, 403],
  },
  'youth:export': {
    counsellor: [403, 403],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: ['allow', 'allow'],
  },
  'youth:erase': {
    counsellor: [403, 403],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: ['allow', 'allow'],
  },
  'invitation:create': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'invitation:read': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'invitation:manage': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'review:list': {
    counsellor: [403, 403],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 403],
    admin: [403, 403],
  },
  'review:release': {
    counsellor: [403, 403],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 404],
    admin: [403, 403],
  },
  'case:raise': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: [403, 403],
    admin: [403, 403],
  },
  'case:list': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 403],
    admin: [403, 403],
  },
  'case:read': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 404],
    admin: [403, 403],
  },
  'case:update': {
    counsellor: ['allow', 404],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 404],
    admin: [403, 403],
  },
  'services:list': {
    counsellor: ['allow', 'allow'],
    employer: [403, 403],
    provider: [403, 403],
    manager: ['allow', 'allow'],
    admin: [403, 403],
  },
};

const OWN_UPLOAD_KIND: Record<Role, 'assessments' | 'vacancies' | 'trainings'> = {
  counsellor: 'assessments',
  employer: 'vacancies',
  provider: 'trainings',
  manager: 'assessments',
  admin: 'assessments',
};
const FOREIGN_UPLOAD_KIND: Record<Role, 'assessments' | 'vacancies' | 'trainings'> = {
  counsellor: 'vacancies',
  employer: 'trainings',
  provider: 'vacancies',
  manager: 'trainings',
  admin: 'vacancies',
};
const OWN_UPLOAD_OWNER: Record<Role, string> = {
  counsellor: 'COUNSELLOR#c-1',
  employer: 'EMPLOYER#EMP-1',
  provider: 'PROVIDER#PRV-1',
  manager: 'MANAGER#m-1',
  admin: 'PROGRAMME',
};

/** A record inside (own) or outside (foreign) the role's scope, for each action. */
function resourceFor(action: Action, role: Role, which: 'own' | 'foreign'): ActionResources[Action] {
  const own = which === 'own';
  switch (action) {
    case 'health':
      return undefined;
    case 'youth:list':
      return { district: own ? '3374' : '3301' };
    case 'youth:read':
    case 'youth:recommendations':
    case 'outcome:record':
    case 'youth:export':
    case 'youth:erase':
    case 'invitation:create':
    case 'invitation:read':
    case 'invitation:manage':
      return own ? { youthId: 'Y-1', district: '3374' } : { youthId: 'Y-2', district: '3301' };
    case 'vacancy:candidates':
    case 'vacancy:interest':
      return own
        ? { vacancyId: 'V-1', employerId: 'EMP-1', district: '3374' }
        : { vacancyId: 'V-2', employerId: 'EMP-2', district: '3301' };
    case 'upload:create':
    case 'upload:template':
      return { kind: own ? OWN_UPLOAD_KIND[role] : FOREIGN_UPLOAD_KIND[role] };
    case 'upload:read':
      return { uploadId: 'U-1', ownerId: own ? OWN_UPLOAD_OWNER[role] : 'EMPLOYER#EMP-2' };
    case 'upload:list':
    case 'opportunity:list':
      // Keyed by the caller's own owner id: there is no one else's record to ask for.
      return { own: true };
    case 'reports:summary':
    case 'reports:audit':
    case 'review:list':
      return { districts: [own ? '3374' : '3301'] };
    case 'case:list':
      return { districts: [own ? '3374' : '3301'] };
    case 'review:release':
      return { record: 'vacancy', id: own ? 'V-1' : 'V-2', district: own ? '3374' : '3301' };
    case 'case:read':
    case 'case:update':
      return { record: 'case', id: own ? 'C-1' : 'C-2', district: own ? '3374' : '3301' };
    case 'case:raise':
      return own ? { youthId: 'Y-1', district: '3374' } : { youthId: 'Y-2', district: '3301' };
    case 'services:list':
      return undefined;
  }
}

function outcomeOf(principal: Principal, action: Action, resource: ActionResources[Action]): Outcome {
  try {
    authorize(principal, action, resource);
    return 'allow';
  } catch (error) {
    if (error instanceof NotFoundError) return 404;
    if (error instanceof ForbiddenError) return 403;
    throw error;
  }
}

describe('the role matrix: every action x role, own and foreign records', () => {
  const cases = ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => (['own', 'foreign'] as const).map((which) => [action, role, which] as const)),
  );
  it.each(cases)('%s by %s on a %s record', (action, role, which) => {
    const expected = EXPECTED[action][role][which === 'own' ? 0 : 1];
    expect(outcomeOf(PRINCIPALS[role], action, resourceFor(action, role, which))).toBe(expected);
  });

  it('the expectation table covers exactly the actions and roles of the policy', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) expect(Object.keys(EXPECTED[action]).sort()).toEqual([...ROLES].sort());
  });
});

describe('generated from the policy table', () => {
  const pairs = ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));

  it.each(pairs)(
    '%s by %s: the table and the hand-written expectation agree on who may act',
    (action, role) => {
      const allowedByTable = rolesFor(action).includes(role);
      expect(EXPECTED[action][role][0] === 'allow').toBe(allowedByTable);
    },
  );

  it.each(pairs)('%s by %s: a role outside the table is 403 whatever the record', (action, role) => {
    if (rolesFor(action).includes(role)) return;
    for (const which of ['own', 'foreign'] as const) {
      expect(() => authorize(PRINCIPALS[role], action, resourceFor(action, role, which))).toThrow(
        ForbiddenError,
      );
    }
  });
});

describe('no existence leaks', () => {
  it('a youth outside the counsellor districts fails exactly like a missing one', () => {
    let caught: unknown;
    try {
      authorize(COUNSELLOR, 'youth:read', { youthId: 'Y-404', district: '3301' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotFoundError);
    expect((caught as Error).message).toBe(notFound('youth', 'Y-404').message);
  });

  it('property: a counsellor reaches a youth iff the stored district is one of theirs', () => {
    const code = fc.integer({ min: 3301, max: 3376 }).map(String);
    fc.assert(
      fc.property(fc.uniqueArray(code, { minLength: 1, maxLength: 4 }), code, (districts, district) => {
        const counsellor: Principal = { subject: 's', role: 'counsellor', districts };
        for (const action of ['youth:read', 'youth:recommendations', 'outcome:record'] as const) {
          const outcome = outcomeOf(counsellor, action, { youthId: 'Y', district });
          expect(outcome).toBe(districts.includes(district) ? 'allow' : 404);
        }
      }),
    );
  });

  it("another employer's vacancy and upload are 404, not 403", () => {
    expect(() =>
      authorize(EMPLOYER, 'vacancy:candidates', { vacancyId: 'V-9', employerId: 'EMP-2', district: '3374' }),
    ).toThrow(notFound('vacancy', 'V-9').message);
    expect(() => authorize(PROVIDER, 'upload:read', { uploadId: 'U-9', ownerId: 'PROVIDER#PRV-2' })).toThrow(
      notFound('upload', 'U-9').message,
    );
  });
});

describe('what a decision carries', () => {
  it("a counsellor's candidate list is limited to youth of their districts", () => {
    const decision = authorize(COUNSELLOR, 'vacancy:candidates', {
      vacancyId: 'V',
      employerId: 'EMP-2',
      district: '3301',
    });
    expect(decision.districts).toEqual(['3322', '3374']);
    expect(decisionCoversDistrict(decision, '3374')).toBe(true);
    expect(decisionCoversDistrict(decision, '3301')).toBe(false);
  });

  it("an employer's own vacancy has no district limit", () => {
    const decision = authorize(EMPLOYER, 'vacancy:candidates', {
      vacancyId: 'V',
      employerId: 'EMP-1',
      district: '3301',
    });
    expect(decision).toEqual({ action: 'vacancy:candidates', role: 'employer', subject: 'e-1' });
    expect(decisionCoversDistrict(decision, '3301')).toBe(true);
  });

  it('uploads are stamped with the owner scope of the caller', () => {
    expect(authorize(EMPLOYER, 'upload:create', { kind: 'vacancies' }).ownerId).toBe('EMPLOYER#EMP-1');
    expect(authorize(PROVIDER, 'upload:create', { kind: 'trainings' }).ownerId).toBe('PROVIDER#PRV-1');
    expect(authorize(ADMIN, 'upload:create', { kind: 'trainings' }).ownerId).toBe('PROGRAMME');
    expect(() => uploadOwnerId(COUNSELLOR)).toThrow(ForbiddenError);
  });

  it('a scoped manager gets their districts; an unscoped one every district or those asked for', () => {
    expect(authorize(MANAGER, 'reports:summary').districts).toEqual(['3374']);
    expect(authorize(MANAGER, 'reports:summary', { districts: [] }).districts).toEqual(['3374']);
    const everywhere: Principal = { subject: 'm-2', role: 'manager', districts: [] };
    expect(authorize(everywhere, 'reports:summary').districts).toBeUndefined();
    expect(
      authorize(everywhere, 'reports:summary', { districts: ['3374', '3301', '3374'] }).districts,
    ).toEqual(['3301', '3374']);
    expect(() => authorize(MANAGER, 'reports:summary', { districts: ['3374', '3301'] })).toThrow(/3301/);
  });

  it('an action that needs a record refuses to decide without one (a handler bug)', () => {
    expect(() => authorize(COUNSELLOR, 'youth:read')).toThrow(TypeError);
    expect(() => authorize(ADMIN, 'youth:erase')).toThrow(TypeError);
  });

  it('an unknown action is refused', () => {
    expect(() => authorize(ADMIN, 'youth:delete-all' as Action)).toThrow(TypeError);
  });
});
