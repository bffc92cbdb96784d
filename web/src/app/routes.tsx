/**
 * The app's areas, each a lazy chunk so a page carries only its own code: a counsellor never loads
 * the employer's spreadsheet code, and the assessment never loads charts. Each area matches the rest
 * of the path itself. `roles` says who may open it ('public' for no sign-in).
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Role } from '#core/access/principal';

export interface AppRoute {
  prefix: string;
  roles: readonly Role[] | 'public';
  view: LazyExoticComponent<ComponentType>;
}

export const ROUTES: readonly AppRoute[] = [
  {
    prefix: '/counsellor',
    roles: ['counsellor'],
    view: lazy(() => import('../features/counsellor/index.tsx')),
  },
  { prefix: '/admin', roles: ['admin'], view: lazy(() => import('../features/admin/index.tsx')) },
  // The youth assessment app: no account, an invitation code opens it (infra/stacks/config.ts ASSESSMENT_APP_PATH).
  { prefix: '/asesmen', roles: 'public', view: lazy(() => import('../features/assessment/index.tsx')) },
  { prefix: '/employer', roles: ['employer'], view: lazy(() => import('../features/employer/index.tsx')) },
  { prefix: '/provider', roles: ['provider'], view: lazy(() => import('../features/provider/index.tsx')) },
  { prefix: '/manager', roles: ['manager'], view: lazy(() => import('../features/manager/index.tsx')) },
];

export function routeOf(pathname: string): AppRoute | undefined {
  return ROUTES.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
}
