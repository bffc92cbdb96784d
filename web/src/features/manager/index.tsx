/**
 * The programme manager's dashboard: the districts of the manager's account (or the programme),
 * each or together, with the assessment analysis, the follow-up funnel, open opportunities,
 * crowded vacancies, gender-requirement vacancies awaiting review, the latest fairness audit and
 * the tables as CSV or XLSX.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, type Dashboard, type ExportTable } from '../../shared/api/client.ts';
import { reportKeys } from '../../shared/api/keys.ts';
import { addMessages, useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { useLocation } from '../../shared/router.tsx';
import { saveFile } from '../../shared/uploads/save-file.ts';
import { AptitudeChart, AuditChart, CongestionChart, FunnelChart, HollandChart } from './charts.tsx';
import { messages, NS } from './messages.ts';
import './manager.css';

addMessages(NS, messages);

const TABLES: readonly ExportTable[] = ['districts', 'holland', 'aptitude', 'gender_review', 'congestion'];

type Figures = Dashboard['programme'];

function Headline({ figures }: { figures: Figures }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const items: [string, string][] = [
    [t('youth'), format.number(figures.youth)],
    [t('withRecommendations'), format.number(figures.withRecommendations)],
    [t('withoutUsableProfile'), format.number(figures.withoutUsableProfile)],
    [t('complaints'), format.number(figures.complaints)],
    [
      t('openVacancies'),
      `${format.number(figures.openVacancies)} (${t('openings', { n: format.number(figures.openings) })})`,
    ],
    [
      t('openTrainings'),
      `${format.number(figures.openTrainings)} (${t('seats', { n: format.number(figures.seats) })})`,
    ],
  ];
  return (
    <dl className="figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function GenderReview({ figures }: { figures: Figures }) {
  const { t } = useTranslation(NS);
  if (figures.genderReview.length === 0) return <p>{t('noGenderReview')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('genderReview')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vacancy')}</th>
            <th scope="col">{t('employer')}</th>
            <th scope="col">{t('requirement')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.genderReview.map((v) => (
            <tr key={v.vacancyId}>
              <td>
                {v.title} ({v.vacancyId})
              </td>
              <td>{v.ownerName}</td>
              <td>{v.genderRequirement}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Audit() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const audit = useQuery({ queryKey: reportKeys.audit(), queryFn: ({ signal }) => api.getAudit(signal) });
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit')}</h2>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        audit.error instanceof ApiError && audit.error.status === 404 ? (
          <p>{t('noAudit')}</p>
        ) : (
          <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />
        )
      ) : (
        <>
          <p className="muted">
            {t('auditAsOf', { date: format.date(audit.data.asOf), n: format.number(audit.data.youthCount) })}
          </p>
          <AuditChart audit={audit.data} />
        </>
      )}
    </section>
  );
}

function Exports() {
  const { t } = useTranslation(NS);
  const download = useMutation({
    mutationFn: (query: { format: 'csv' | 'xlsx'; table?: ExportTable }) => api.exportDashboard(query),
    onSuccess: saveFile,
  });
  return (
    <section className="card" aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('exports')}</h2>
      <div className="actions">
        <button
          type="button"
          onClick={() => download.mutate({ format: 'xlsx' })}
          disabled={download.isPending}
        >
          {t('exportXlsx')}
        </button>
        {TABLES.map((table) => (
          <button
            key={table}
            type="button"
            className="secondary"
            onClick={() => download.mutate({ format: 'csv', table })}
            disabled={download.isPending}
          >
            {t('exportCsv', { table: t(`tables.${table}`) })}
          </button>
        ))}
      </div>
      {download.isError && <ErrorMessage error={download.error} />}
    </section>
  );
}

function DashboardPage() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const [scope, setScope] = useState('programme');
  const dashboard = useQuery({
    queryKey: reportKeys.dashboard(),
    queryFn: ({ signal }) => api.getDashboard(signal),
  });
  const data = dashboard.data;
  const district = data?.districts.find((d) => d.district === scope);
  const figures = district ?? data?.programme;
  const scopeName = district ? `${district.name} (${district.district})` : t('programme');
  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <ErrorMessage error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <div className="filters">
            <div className="field">
              <label htmlFor="dashboard-scope">{t('scope')}</label>
              <select id="dashboard-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
                <option value="programme">{t('programme')}</option>
                {data!.districts.map((d) => (
                  <option key={d.district} value={d.district}>
                    {d.name} ({d.district})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <section className="card" aria-labelledby="headline-heading">
            <h2 id="headline-heading">
              {t('headline')}: {scopeName}
            </h2>
            <p className="muted">{t('asOf', { date: format.date(data!.asOf) })}</p>
            <Headline figures={figures!} />
          </section>
          <section className="card" aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{t('funnel')}</h2>
            <FunnelChart figures={figures!} />
          </section>
          <section className="card" aria-labelledby="holland-heading">
            <h2 id="holland-heading">{t('holland')}</h2>
            <HollandChart figures={figures!} />
          </section>
          <section className="card" aria-labelledby="aptitude-heading">
            <h2 id="aptitude-heading">{t('aptitude')}</h2>
            <AptitudeChart figures={figures!} />
          </section>
          <section className="card" aria-labelledby="congestion-heading">
            <h2 id="congestion-heading">{t('congestion')}</h2>
            <p className="muted">{t('congestionHelp')}</p>
            <CongestionChart figures={figures!} />
          </section>
          <section className="card" aria-labelledby="gender-heading">
            <h2 id="gender-heading">{t('genderReview')}</h2>
            <GenderReview figures={figures!} />
          </section>
        </>
      )}
      <Audit />
      <Exports />
    </>
  );
}

export default function ManagerArea() {
  const { pathname } = useLocation();
  const { t } = useTranslation(NS);
  return (
    <Layout nav={[{ to: '/manager', label: t('title') }]}>
      {pathname === '/manager' ? (
        <DashboardPage />
      ) : (
        <PageTitle title={t('common:errors.pageNotFound')}>{t('common:errors.pageNotFound')}</PageTitle>
      )}
    </Layout>
  );
}
