/** One youth: profile, interests beside the recommended jobs, aptitudes, recommendations, follow-up. */
import { useQuery } from '@tanstack/react-query';
import { APTITUDE_SUBTESTS } from '#core/domain/records';
import { RIASEC, RIASEC_NAMES } from '#core/domain/riasec';
import { ApiError, api, type Recommendation, type YouthProfile } from '../../shared/api/client.ts';
import { youthKeys } from '../../shared/api/keys.ts';
import { RiasecChart } from '../../shared/charts/RiasecChart.tsx';
import { ScoreBars } from '../../shared/charts/ScoreBars.tsx';
import { currentLanguage, useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { Link } from '../../shared/router.tsx';
import { educationLabel, flagLabel } from './labels.ts';
import { NS } from './messages.ts';
import { Outcomes } from './Outcomes.tsx';

const COMPONENTS = ['interest', 'aptitude', 'skills', 'reach'] as const;

/** The youth's and the opportunity's interest profiles side by side, when both are known. */
interface Comparison {
  youthLabel: string;
  youthValues: readonly (number | null)[];
  letterNames: Record<string, string>;
}

function RecommendationCard({ r, compare }: { r: Recommendation; compare: Comparison }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  return (
    <article className="card">
      <h3>{r.title}</h3>
      <p className="muted">
        {t('owner')}: {r.ownerName} · {t('distance')}:{' '}
        {r.distanceKm === null ? t('unknown') : t('km', { n: format.number(r.distanceKm, 1) })}
      </p>
      <p>
        <strong>
          {t('score')}: {format.number(r.score * 100)}
        </strong>
      </p>
      <ScoreBars
        label={t('components.label')}
        max={r.score > 0 ? Math.max(...COMPONENTS.map((c) => r.components[c])) : 1}
        rows={COMPONENTS.map((c) => ({
          key: c,
          label: t(`components.${c}`),
          value: r.components[c],
          text: format.number(r.components[c] * 100),
          className: `bar-${c}`,
        }))}
      />
      <h4>{t('why')}</h4>
      <p>{r.explanation}</p>
      {r.occupationProfile && (
        <RiasecChart
          label={t('interestsVs', { title: r.title })}
          letterNames={compare.letterNames}
          series={[
            { name: compare.youthLabel, values: compare.youthValues },
            { name: r.title, values: r.occupationProfile },
          ]}
        />
      )}
      {r.missingSkills.length > 0 && (
        <p>
          {t('missingSkills')}: {r.missingSkills.join(', ')}
        </p>
      )}
      {r.flags.length > 0 && (
        <ul className="tags" aria-label={t('flags')}>
          {r.flags.map((f) => (
            <li key={f}>{flagLabel(t, f)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

function Profile({ youth }: { youth: YouthProfile }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile')}</h2>
      <dl className="grid">
        {youth.phone && (
          <div>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={`tel:${youth.phone}`}>{youth.phone}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('district')}</dt>
          <dd>{youth.district}</dd>
        </div>
        <div>
          <dt>{t('age')}</dt>
          <dd>{t('ageYears', { n: format.number(youth.age) })}</dd>
        </div>
        <div>
          <dt>{t('education')}</dt>
          <dd>{educationLabel(t, youth.education)}</dd>
        </div>
        <div>
          <dt>{t('assessedAt')}</dt>
          <dd>{format.date(youth.assessedAt)}</dd>
        </div>
        <div>
          <dt>{t('holland')}</dt>
          <dd>{youth.hollandCode ?? t('none')}</dd>
        </div>
        <div>
          <dt>{t('accommodation')}</dt>
          <dd>
            {youth.accommodationNeeds.length > 0
              ? youth.accommodationNeeds.map((d) => t(`disability.${d}`)).join(', ')
              : t('none')}
          </dd>
        </div>
        <div>
          <dt>{t('skills')}</dt>
          <dd>{youth.skills.length > 0 ? youth.skills.join(', ') : t('none')}</dd>
        </div>
        <div>
          <dt>{t('flags')}</dt>
          <dd>{youth.flags.length > 0 ? youth.flags.map((f) => flagLabel(t, f)).join(', ') : t('none')}</dd>
        </div>
      </dl>
    </section>
  );
}

function Aptitudes({ youth }: { youth: YouthProfile }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const rows = APTITUDE_SUBTESTS.flatMap((s) => {
    const a = youth.aptitudes[s];
    return a ? [{ subtest: s, ...a }] : [];
  });
  return (
    <section aria-labelledby="aptitude-heading">
      <h2 id="aptitude-heading">{t('aptitudes')}</h2>
      {rows.length === 0 ? (
        <p>{t('noAptitudes')}</p>
      ) : (
        <ScoreBars
          label={t('aptitudes')}
          max={100}
          rows={rows.map((a) => ({
            key: a.subtest,
            label: a.subtest,
            value: a.percentile,
            text: `${format.number(a.percentile)} (${format.number(a.correct)}/${format.number(a.total)})`,
            className: 'bar-aptitude',
          }))}
        />
      )}
    </section>
  );
}

export default function YouthPage({ youthId }: { youthId: string }) {
  const { t } = useTranslation(NS);
  const lang = currentLanguage();
  const youth = useQuery({
    queryKey: youthKeys.detail(youthId),
    queryFn: ({ signal }) => api.getYouth(youthId, signal),
  });
  const recs = useQuery({
    queryKey: youthKeys.recommendations(youthId, lang),
    queryFn: ({ signal }) => api.getRecommendations(youthId, lang, signal),
    enabled: youth.isSuccess,
  });
  const name = youth.data?.displayName;
  const title = name ? `${name} (${youthId})` : t('youthTitle', { id: youthId });
  if (youth.isPending) return <Loading />;
  if (youth.isError) {
    return (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <ErrorMessage error={youth.error} />
      </>
    );
  }
  const letterNames = Object.fromEntries(RIASEC.map((l) => [l, RIASEC_NAMES[l][lang]]));
  const interestValues =
    youth.data.interestProfile ?? RIASEC.map((l) => youth.data.interests[l]?.score ?? null);
  const compare: Comparison = { youthLabel: youthId, youthValues: interestValues, letterNames };
  const jobs = recs.data?.jobs ?? [];
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="no-print">
        <Link className="button secondary" to={`/counsellor/youth/${encodeURIComponent(youthId)}/print`}>
          {t('print')}
        </Link>
      </p>
      <Profile youth={youth.data} />
      <section aria-labelledby="interest-heading">
        <h2 id="interest-heading">{t('interests')}</h2>
        <RiasecChart
          label={t('interestsChart')}
          letterNames={letterNames}
          series={[{ name: youthId, values: interestValues }]}
        />
      </section>
      <Aptitudes youth={youth.data} />
      {recs.isPending ? (
        <Loading />
      ) : recs.isError ? (
        recs.error instanceof ApiError && recs.error.status === 404 ? (
          <p className="notice">{t('noRecommendations')}</p>
        ) : (
          <ErrorMessage error={recs.error} />
        )
      ) : (
        <>
          <section aria-labelledby="jobs-heading">
            <h2 id="jobs-heading">{t('jobs')}</h2>
            {jobs.length === 0 ? (
              <p>{t('noneOfKind')}</p>
            ) : (
              jobs.map((r) => <RecommendationCard key={r.opportunityId} r={r} compare={compare} />)
            )}
          </section>
          <section aria-labelledby="trainings-heading">
            <h2 id="trainings-heading">{t('trainings')}</h2>
            {recs.data.trainings.length === 0 ? (
              <p>{t('noneOfKind')}</p>
            ) : (
              recs.data.trainings.map((r) => (
                <RecommendationCard key={r.opportunityId} r={r} compare={compare} />
              ))
            )}
          </section>
          {recs.data.pathways.length > 0 && (
            <section aria-labelledby="pathways-heading">
              <h2 id="pathways-heading">{t('pathways')}</h2>
              {recs.data.pathways.map((p) => (
                <article className="card" key={p.jobId}>
                  <h3>{p.jobTitle}</h3>
                  <p className="muted">
                    {t('owner')}: {p.ownerName}
                  </p>
                  <p>{p.explanation}</p>
                  <p>{t('pathwayVia')}:</p>
                  <ul>
                    {p.trainings.map((tr) => (
                      <li key={tr.opportunityId}>
                        {tr.title} ({tr.ownerName})
                      </li>
                    ))}
                  </ul>
                </article>
              ))}
            </section>
          )}
        </>
      )}
      <Outcomes youthId={youthId} opportunities={[...jobs, ...(recs.data?.trainings ?? [])]} />
    </>
  );
}
