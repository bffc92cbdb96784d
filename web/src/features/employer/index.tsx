/** The employer's area: template, upload and report, own uploads and vacancies, candidates. */
import { lazy } from 'react';
import { addMessages, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { matchPath, useLocation } from '../../shared/router.tsx';
import { UploadList } from '../../shared/uploads/UploadList.tsx';
import { TemplateDownload, UploadPanel } from '../../shared/uploads/UploadPanel.tsx';
import { messages, NS } from './messages.ts';
import { VacanciesTable } from './VacanciesTable.tsx';

addMessages(NS, messages);

const CandidatesPage = lazy(() => import('./CandidatesPage.tsx'));

function Workspace() {
  const { t } = useTranslation(NS);
  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <TemplateDownload kind="vacancies" />
      <UploadPanel kind="vacancies" />
      <VacanciesTable />
      <UploadList />
    </>
  );
}

export default function EmployerArea() {
  const { pathname } = useLocation();
  const { t } = useTranslation(NS);
  const nav = [{ to: '/employer', label: t('title') }];
  const vacancy = matchPath('/employer/vacancies/:vacancyId', pathname);
  return (
    <Layout nav={nav}>
      {vacancy ? (
        <CandidatesPage vacancyId={vacancy['vacancyId']!} />
      ) : pathname === '/employer' ? (
        <Workspace />
      ) : (
        <PageTitle title={t('common:errors.pageNotFound')}>{t('common:errors.pageNotFound')}</PageTitle>
      )}
    </Layout>
  );
}
