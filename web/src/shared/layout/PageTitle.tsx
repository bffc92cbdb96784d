/**
 * The page's heading and document title. It takes focus when the page appears, so a screen reader
 * announces the new page after a client-side navigation and keyboard focus starts at the top.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/index.ts';

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
