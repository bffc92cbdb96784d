/**
 * Pseudonymous candidates of one of the employer's vacancies, best first, with the "interested"
 * action. The API never sends a name, id or district of a candidate; this page shows what it sends.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Candidates } from '../../shared/api/client.ts';
import { vacancyKeys } from '../../shared/api/keys.ts';
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Pager, useCursorPages } from '../../shared/layout/Pager.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { Link } from '../../shared/router.tsx';
import { NS } from './messages.ts';

const PAGE_SIZE = 25;

type EmployerCandidate = Extract<Candidates['items'][number], { candidate: string }>;

function InterestButton({ vacancyId, candidate }: { vacancyId: string; candidate: string }) {
  const { t } = useTranslation(NS);
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: () => api.markInterest(vacancyId, candidate),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vacancyKeys.candidates(vacancyId) }),
  });
  return (
    <>
      <button type="button" onClick={() => mark.mutate()} disabled={mark.isPending}>
        {t('interested')}
        <span className="visually-hidden"> {candidate}</span>
      </button>
      {mark.isError && <ErrorMessage error={mark.error} />}
    </>
  );
}

export default function CandidatesPage({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const { cursor, page, setCursors } = useCursorPages();
  const query = { limit: PAGE_SIZE, ...(cursor && { cursor }) };
  const list = useQuery({
    queryKey: [...vacancyKeys.candidates(vacancyId), query],
    queryFn: () => api.listCandidates(vacancyId, query),
    placeholderData: keepPreviousData,
  });
  const title = t('candidatesTitle', { id: vacancyId });
  // The employer's view: the API answers an employer with pseudonymous items only.
  const items = list.data?.view === 'employer' ? (list.data.items as EmployerCandidate[]) : [];
  const skills = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : t('none'));
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/employer">{t('back')}</Link>
      </p>
      <p>{t('candidatesIntro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('noCandidates')}</p>
      ) : (
        <div className="table-wrap">
          <table className="candidates">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('candidate')}</th>
                <th scope="col">{t('score')}</th>
                <th scope="col">{t('matchedSkills')}</th>
                <th scope="col">{t('missingSkills')}</th>
                <th scope="col">{t('action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.candidate}>
                  <td>
                    <code>{c.candidate}</code>
                  </td>
                  <td>{format.number(c.score * 100)}</td>
                  <td>{skills(c.matchedSkills)}</td>
                  <td>{skills(c.missingSkills)}</td>
                  <td>
                    {c.interested ? (
                      <span className="tag">{t('marked')}</span>
                    ) : (
                      <InterestButton vacancyId={vacancyId} candidate={c.candidate} />
                    )}
                  </td>
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
