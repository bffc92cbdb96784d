/** The counsellor's area: youth of their districts, one youth's page, and the printable hand-out. */
import { lazy } from 'react';
import { addMessages, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { matchPath, useLocation } from '../../shared/router.tsx';
import { messages, NS } from './messages.ts';
import { YouthListPage } from './YouthListPage.tsx';

addMessages(NS, messages);

const YouthPage = lazy(() => import('./YouthPage.tsx'));
const HandoutPage = lazy(() => import('./HandoutPage.tsx'));

export default function CounsellorArea() {
  const { pathname } = useLocation();
  const { t } = useTranslation(NS);
  const nav = [{ to: '/counsellor', label: t('listTitle') }];
  const print = matchPath('/counsellor/youth/:youthId/print', pathname);
  if (print) return <HandoutPage youthId={print['youthId']!} />;
  const youth = matchPath('/counsellor/youth/:youthId', pathname);
  return (
    <Layout nav={nav}>
      {youth ? (
        <YouthPage youthId={youth['youthId']!} />
      ) : pathname === '/counsellor' ? (
        <YouthListPage />
      ) : (
        <PageTitle title={t('common:errors.pageNotFound')}>{t('common:errors.pageNotFound')}</PageTitle>
      )}
    </Layout>
  );
}
