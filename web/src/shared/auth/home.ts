import type { Role } from '#core/access/principal';

/** Where each role's workspace starts; app/routes.tsx maps these prefixes to their lazy areas. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  counsellor: '/counsellor',
  employer: '/employer',
  provider: '/provider',
  manager: '/manager',
  admin: '/admin',
};

/** Only a path of this app, never another origin (`//evil.example` or `https:`): no open redirect. */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}
