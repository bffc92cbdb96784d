/** Youth of the counsellor's districts, one page at a time. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../shared/api/client.ts';
import { youthKeys } from '../../shared/api/keys.ts';
import { useSession } from '../../shared/auth/context.tsx';
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Pager, useCursorPages } from '../../shared/layout/Pager.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { Link } from '../../shared/router.tsx';
import { educationLabel, flagLabel } from './labels.ts';
import { NS } from './messages.ts';

const PAGE_SIZE = 25;

export function YouthListPage() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const session = useSession();
  const [district, setDistrict] = useState(session.districts[0] ?? '');
  // Cursors of the pages seen so far: index i holds the cursor that opens page i + 1.
  const { cursor, page, setCursors, reset } = useCursorPages();
  const query = { district, limit: String(PAGE_SIZE), ...(cursor && { cursor }) };
  const list = useQuery({
    queryKey: youthKeys.list(query),
    queryFn: ({ signal }) => api.listYouth(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle title={t('listTitle')}>{t('listTitle')}</PageTitle>
      <div className="filters">
        <div className="field">
          <label htmlFor="district">{t('district')}</label>
          <select
            id="district"
            value={district}
            onChange={(e) => {
              setDistrict(e.target.value);
              reset();
            }}
          >
            {session.districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('empty')}</p>
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
                    <Link to={`/counsellor/youth/${encodeURIComponent(y.youthId)}`}>{y.youthId}</Link>
                  </td>
                  <td>{educationLabel(t, y.education)}</td>
                  <td>{y.hollandCode ?? t('none')}</td>
                  <td>
                    {y.topJob
                      ? `${y.topJob.title ?? y.topJob.opportunityId} (${format.number(y.topJob.score * 100)})`
                      : t('none')}
                  </td>
                  <td>{y.flags.length > 0 ? y.flags.map((f) => flagLabel(t, f)).join(', ') : t('none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        label={t('page', { n: format.number(page + 1) })}
        next={list.data?.cursor}
        setCursors={setCursors}
      />
    </>
  );
}
