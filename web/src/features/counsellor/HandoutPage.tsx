/**
 * The one-page hand-out a counsellor prints for the youth: always in plain Indonesian (the youth's
 * language, whatever the counsellor's screen shows): what their interest code means, their top
 * jobs and trainings with the reason, and what to do next.
 */
import { useQuery } from '@tanstack/react-query';
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';
import { api } from '../../shared/api/client.ts';
import { youthKeys } from '../../shared/api/keys.ts';
import { i18n } from '../../shared/i18n/index.ts';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { Link } from '../../shared/router.tsx';
import { NS } from './messages.ts';

const TOP = 3;

export default function HandoutPage({ youthId }: { youthId: string }) {
  const t = i18n.getFixedT('id', NS);
  const youth = useQuery({
    queryKey: youthKeys.detail(youthId),
    queryFn: ({ signal }) => api.getYouth(youthId, signal),
  });
  const recs = useQuery({
    queryKey: youthKeys.recommendations(youthId, 'id'),
    queryFn: ({ signal }) => api.getRecommendations(youthId, 'id', signal),
    enabled: youth.isSuccess,
  });
  if (youth.isPending || (youth.isSuccess && recs.isPending)) return <Loading />;
  const failed = youth.error ?? recs.error;
  if (failed) return <ErrorMessage error={failed} />;
  const code = youth.data?.hollandCode ?? null;
  const letters = (code ?? '')
    .split('')
    .filter((l): l is RiasecLetter => (RIASEC as readonly string[]).includes(l));
  const jobs = recs.data?.jobs.slice(0, TOP) ?? [];
  const trainings = recs.data?.trainings.slice(0, TOP) ?? [];
  return (
    <main id="main" className="handout" lang="id">
      <p className="actions no-print">
        <Link className="button secondary" to={`/counsellor/youth/${encodeURIComponent(youthId)}`}>
          {t('common:back')}
        </Link>
        <button type="button" onClick={() => window.print()}>
          {t('printNow')}
        </button>
      </p>
      <PageTitle title={t('handout.title')}>{t('handout.title')}</PageTitle>
      <p>{t('handout.for', { id: youthId })}</p>
      <h2>{t('handout.interestsHeading')}</h2>
      {letters.length > 0 ? (
        <>
          <p>{t('handout.interestsIntro', { code })}</p>
          <ul>
            {letters.map((l) => (
              <li key={l}>{t(`handout.letters.${l}`)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('handout.noCode')}</p>
      )}
      <h2>{t('handout.jobsHeading')}</h2>
      {jobs.length === 0 ? (
        <p>{t('noneOfKind')}</p>
      ) : (
        <ol>
          {jobs.map((r) => (
            <li key={r.opportunityId}>
              <strong>{r.title}</strong> ({r.ownerName}). {r.explanation}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('handout.trainingsHeading')}</h2>
      {trainings.length === 0 ? (
        <p>{t('noneOfKind')}</p>
      ) : (
        <ol>
          {trainings.map((r) => (
            <li key={r.opportunityId}>
              <strong>{r.title}</strong> ({r.ownerName}). {r.explanation}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('handout.nextHeading')}</h2>
      <ol>
        <li>{t('handout.next1')}</li>
        <li>{t('handout.next2')}</li>
        <li>{t('handout.next3')}</li>
      </ol>
    </main>
  );
}
