/** The frame of every signed-in page: skip link, header with role, language and sign-out, main. */
import type { ReactNode } from 'react';
import { useSessionState } from '../auth/context.tsx';
import { LANGUAGES, type Language, setLanguage, useTranslation } from '../i18n/index.ts';
import { Link } from '../router.tsx';

export interface NavItem {
  to: string;
  label: string;
}

export function Layout({ nav = [], children }: { nav?: readonly NavItem[]; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSessionState();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        {nav.length > 0 && (
          <nav aria-label={t('nav.main')}>
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <label>
            <span className="visually-hidden">{t('language')}</span>
            <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang}>
                  {t(`languages.${lang}`)}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span className="who">{t('signedInAs', { role: t(`roles.${session.role}`) })}</span>
              <button type="button" onClick={signOut}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
