/** The employer's own vacancies, with how many youth have each among their recommendations. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import { opportunityKeys } from '../../shared/api/keys.ts';
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { Link } from '../../shared/router.tsx';
import { NS } from './messages.ts';

export function VacanciesTable() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const list = useQuery({
    queryKey: opportunityKeys.own(),
    queryFn: ({ signal }) => api.listOwnOpportunities(signal),
  });
  return (
    <section className="card" aria-labelledby="vacancies-heading">
      <h2 id="vacancies-heading">{t('vacancies')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('noVacancies')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('vacancies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vacancy')}</th>
                <th scope="col">{t('district')}</th>
                <th scope="col">{t('openings')}</th>
                <th scope="col">{t('closes')}</th>
                <th scope="col">{t('recommendedTo')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((v) => (
                <tr key={v.opportunityId}>
                  <td>
                    <Link to={`/employer/vacancies/${encodeURIComponent(v.opportunityId)}`}>
                      {v.title} ({v.opportunityId})
                    </Link>
                  </td>
                  <td>{v.district}</td>
                  <td>{format.number(v.capacity)}</td>
                  <td>{format.date(v.deadline)}</td>
                  <td>{t('youthCount', { n: format.number(v.recommendedTo) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
