/** Youth of the counsellor's districts: search, filters, one page at a time. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { OUTCOME_TYPES } from '#core/ports';
import { api, type YouthListQuery } from '../../shared/api/client.ts';
import { youthKeys } from '../../shared/api/keys.ts';
import { useSession } from '../../shared/auth/context.tsx';
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { Link } from '../../shared/router.tsx';
import { educationLabel, flagLabel } from './labels.ts';
import { NS } from './messages.ts';

const PAGE_SIZE = '25';

/** Profile flags a counsellor can filter by (the ones scoring sets on a profile). */
const PROFILE_FLAGS = [
  'interests_incomplete',
  'interests_identical',
  'interests_flat',
  'aptitude_missing',
  'unknown_skill',
] as const;

type Filters = Pick<YouthListQuery, 'q' | 'flag' | 'noFeasibleJob' | 'accommodationNeed' | 'outcome'>;

export function YouthListPage() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const session = useSession();
  const [district, setDistrict] = useState(session.districts[0] ?? '');
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  // Cursors of the pages seen so far: index i holds the cursor that opens page i + 1.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const query: YouthListQuery = {
    district,
    limit: PAGE_SIZE,
    ...filters,
    ...(cursors[page] && { cursor: cursors[page] }),
  };
  const list = useQuery({
    queryKey: youthKeys.list(query),
    queryFn: ({ signal }) => api.listYouth(query, signal),
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== '')));
    setCursors([undefined]);
  };
  const set = (patch: Filters) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <>
      <PageTitle title={t('listTitle')}>{t('listTitle')}</PageTitle>
      <search aria-label={t('filters.label')}>
        <form className="card" onSubmit={apply}>
          <div className="filters">
            <div className="field">
              <label htmlFor="district">{t('district')}</label>
              <select
                id="district"
                value={district}
                onChange={(e) => {
                  setDistrict(e.target.value);
                  setCursors([undefined]);
                }}
              >
                {session.districts.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="search">{t('filters.search')}</label>
              <input
                id="search"
                type="search"
                value={draft.q ?? ''}
                onChange={(e) => set({ q: e.target.value })}
                autoComplete="off"
              />
            </div>
            <div className="field">
              <label htmlFor="flag">{t('flags')}</label>
              <select id="flag" value={draft.flag ?? ''} onChange={(e) => set({ flag: e.target.value })}>
                <option value="">{t('filters.any')}</option>
                {PROFILE_FLAGS.map((f) => (
                  <option key={f} value={f}>
                    {flagLabel(t, f)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="outcome">{t('filters.outcome')}</label>
              <select
                id="outcome"
                value={draft.outcome ?? ''}
                onChange={(e) => set({ outcome: (e.target.value || undefined) as Filters['outcome'] })}
              >
                <option value="">{t('filters.any')}</option>
                <option value="none">{t('filters.noOutcome')}</option>
                {OUTCOME_TYPES.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcomeTypes.${o}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field checkbox">
            <input
              id="no-job"
              type="checkbox"
              checked={draft.noFeasibleJob === 'true'}
              onChange={(e) => set({ noFeasibleJob: e.target.checked ? 'true' : undefined })}
            />
            <label htmlFor="no-job">{t('filters.noFeasibleJob')}</label>
          </div>
          <div className="field checkbox">
            <input
              id="accommodation"
              type="checkbox"
              checked={draft.accommodationNeed === 'true'}
              onChange={(e) => set({ accommodationNeed: e.target.checked ? 'true' : undefined })}
            />
            <label htmlFor="accommodation">{t('filters.accommodationNeed')}</label>
          </div>
          <button type="submit">{t('filters.apply')}</button>
        </form>
      </search>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p role="status">{list.data.cursor ? t('emptyPageMore') : t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {t('listTitle')} · {t('page', { n: format.number(page + 1) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('youthId')}</th>
                <th scope="col">{t('education')}</th>
                <th scope="col">{t('holland')}</th>
                <th scope="col">{t('topJob')}</th>
                <th scope="col">{t('flags')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((y) => (
                <tr key={y.youthId}>
                  <td>
                    <Link to={`/counsellor/youth/${encodeURIComponent(y.youthId)}`}>
                      {y.displayName ? `${y.displayName} (${y.youthId})` : y.youthId}
                    </Link>
                  </td>
                  <td>{educationLabel(t, y.education)}</td>
                  <td>{y.hollandCode ?? t('none')}</td>
                  <td>
                    {y.topJob
                      ? `${y.topJob.title ?? y.topJob.opportunityId} (${format.number(y.topJob.score * 100)})`
                      : t('noJob')}
                  </td>
                  <td>{y.flags.length > 0 ? y.flags.map((f) => flagLabel(t, f)).join(', ') : t('none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t('paging')}>
        <button
          type="button"
          className="secondary"
          disabled={page === 0}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('common:previous')}
        </button>
        <span aria-live="polite">{t('page', { n: format.number(page + 1) })}</span>
        <button
          type="button"
          className="secondary"
          disabled={!list.data?.cursor}
          onClick={() => setCursors((c) => [...c, list.data?.cursor])}
        >
          {t('common:next')}
        </button>
      </nav>
    </>
  );
}
