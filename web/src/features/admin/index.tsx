/**
 * The data office (admin): data-subject requests under UU PDP 27/2022 for one youth: export
 * everything stored (downloaded as JSON) and erasure, which asks to type the youth id to confirm.
 * Admins do not browse youth (core/access/policy.ts), so the page starts from an id.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type YouthExport } from '../../shared/api/client.ts';
import { addMessages, useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage } from '../../shared/layout/Status.tsx';
import { matchPath, navigate, useLocation } from '../../shared/router.tsx';
import { messages, NS } from './messages.ts';

addMessages(NS, messages);

function download(data: YouthExport) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `sinergi-export-${data.youthId}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function FindYouth() {
  const { t } = useTranslation(NS);
  const [id, setId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim() !== '') navigate(`/admin/youth/${encodeURIComponent(id.trim())}`);
  };
  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <form onSubmit={submit} className="card">
        <div className="field">
          <label htmlFor="admin-youth-id">{t('youthId')}</label>
          <input id="admin-youth-id" autoComplete="off" value={id} onChange={(e) => setId(e.target.value)} />
        </div>
        <button type="submit">{t('open')}</button>
      </form>
    </>
  );
}

function YouthRequests({ youthId }: { youthId: string }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const [confirmText, setConfirmText] = useState('');
  const exported = useMutation({ mutationFn: () => api.exportYouth(youthId), onSuccess: download });
  const erased = useMutation({ mutationFn: () => api.eraseYouth(youthId) });
  const title = t('youthTitle', { id: youthId });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('exportHeading')}</h2>
        <p>{t('exportIntro')}</p>
        <button type="button" onClick={() => exported.mutate()} disabled={exported.isPending}>
          {t('exportButton')}
        </button>
        {exported.isError && <ErrorMessage error={exported.error} />}
        {exported.isSuccess && (
          <p role="status" className="notice">
            {t('exported', {
              outcomes: format.number(exported.data.outcomes.length),
              entries: format.number(exported.data.candidateEntries.length),
            })}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="erase-heading">
        <h2 id="erase-heading">{t('eraseHeading')}</h2>
        <p>{t('eraseIntro')}</p>
        {erased.isSuccess ? (
          <p role="status" className="notice">
            {t('erased', {
              profiles: format.number(erased.data.erased.profiles),
              sets: format.number(erased.data.erased.recommendationSets),
              entries: format.number(erased.data.erased.candidateEntries),
              outcomes: format.number(erased.data.erased.outcomes),
            })}
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (confirmText === youthId) erased.mutate();
            }}
          >
            <div className="field">
              <label htmlFor="erase-confirm">{t('eraseConfirm', { id: youthId })}</label>
              <input
                id="erase-confirm"
                autoComplete="off"
                value={confirmText}
                onChange={(e) => setConfirmText(e.target.value)}
              />
            </div>
            <button type="submit" className="danger" disabled={confirmText !== youthId || erased.isPending}>
              {t('eraseButton')}
            </button>
            {erased.isError && <ErrorMessage error={erased.error} />}
          </form>
        )}
      </section>
    </>
  );
}

export default function AdminArea() {
  const { pathname } = useLocation();
  const { t } = useTranslation(NS);
  const youth = matchPath('/admin/youth/:youthId', pathname);
  return (
    <Layout nav={[{ to: '/admin', label: t('title') }]}>
      {youth ? <YouthRequests key={youth['youthId']} youthId={youth['youthId']!} /> : <FindYouth />}
    </Layout>
  );
}
