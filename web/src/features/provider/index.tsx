/** The training provider's area: template, upload and report, own uploads, demand per offer. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import { opportunityKeys } from '../../shared/api/keys.ts';
import { addMessages, useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { useLocation } from '../../shared/router.tsx';
import { UploadList } from '../../shared/uploads/UploadList.tsx';
import { TemplateDownload, UploadPanel } from '../../shared/uploads/UploadPanel.tsx';
import { messages, NS } from './messages.ts';

addMessages(NS, messages);

function Demand() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const list = useQuery({
    queryKey: opportunityKeys.own(),
    queryFn: ({ signal }) => api.listOwnOpportunities(signal),
  });
  return (
    <section className="card" aria-labelledby="demand-heading">
      <h2 id="demand-heading">{t('trainings')}</h2>
      <p className="muted">{t('demandHelp')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('noTrainings')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('trainings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training')}</th>
                <th scope="col">{t('district')}</th>
                <th scope="col">{t('starts')}</th>
                <th scope="col">{t('seats')}</th>
                <th scope="col">{t('demand')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.opportunityId}>
                  <td>
                    {o.title} ({o.opportunityId})
                  </td>
                  <td>{o.district}</td>
                  <td>{format.date(o.deadline)}</td>
                  <td>{format.number(o.capacity)}</td>
                  <td>
                    {t('youthCount', { n: format.number(o.recommendedTo) })}
                    {o.capacity > 0 && (
                      <span className="muted">
                        {' '}
                        ({t('perSeat', { n: format.number(o.recommendedTo / o.capacity, 1) })})
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
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
