/** The training provider's area: template, upload and report, own uploads, demand per offer. */
import { addMessages, useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { useLocation } from '../../shared/router.tsx';
import { OwnOpportunities } from '../../shared/uploads/OwnOpportunities.tsx';
import { UploadList } from '../../shared/uploads/UploadList.tsx';
import { TemplateDownload, UploadPanel } from '../../shared/uploads/UploadPanel.tsx';
import { messages, NS } from './messages.ts';

addMessages(NS, messages);

function Demand() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  return (
    <OwnOpportunities
      id="demand-heading"
      title={t('trainings')}
      help={t('demandHelp')}
      empty={t('noTrainings')}
      columns={[
        { header: t('training'), cell: (o) => `${o.title} (${o.opportunityId})` },
        { header: t('district'), cell: (o) => o.district },
        { header: t('starts'), cell: (o) => format.date(o.deadline) },
        { header: t('seats'), cell: (o) => format.number(o.capacity) },
        {
          header: t('demand'),
          cell: (o) => (
            <>
              {t('youthCount', { n: format.number(o.recommendedTo) })}
              {o.capacity > 0 && (
                <span className="muted">
                  {' '}
                  ({t('perSeat', { n: format.number(o.recommendedTo / o.capacity, 1) })})
                </span>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

export default function ProviderArea() {
  const { pathname } = useLocation();
  const { t } = useTranslation(NS);
  const nav = [{ to: '/provider', label: t('title') }];
  return (
    <Layout nav={nav}>
      {pathname === '/provider' ? (
        <>
          <PageTitle title={t('title')}>{t('title')}</PageTitle>
          <p>{t('intro')}</p>
          <TemplateDownload kind="trainings" />
          <UploadPanel kind="trainings" />
          <Demand />
          <UploadList />
        </>
      ) : (
        <PageTitle title={t('common:errors.pageNotFound')}>{t('common:errors.pageNotFound')}</PageTitle>
      )}
    </Layout>
  );
}
