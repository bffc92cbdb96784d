/** Recording what happened after a recommendation, and the youth's follow-up history. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { COUNSELLOR_OUTCOME_TYPES } from '#core/ports';
import { api, type OutcomeBody, type OutcomeType, type Recommendation } from '../../shared/api/client.ts';
import { youthKeys } from '../../shared/api/keys.ts';
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { ErrorMessage, Loading } from '../../shared/layout/Status.tsx';
import { NS } from './messages.ts';

export function Outcomes({
  youthId,
  opportunities,
}: {
  youthId: string;
  opportunities: readonly Pick<Recommendation, 'opportunityId' | 'kind' | 'title'>[];
}) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const queryClient = useQueryClient();
  const [type, setType] = useState<OutcomeType>('contacted');
  const [opportunity, setOpportunity] = useState('');
  const [note, setNote] = useState('');
  const history = useQuery({
    queryKey: youthKeys.outcomes(youthId),
    queryFn: ({ signal }) => api.listOutcomes(youthId, signal),
  });
  const record = useMutation({
    mutationFn: (body: OutcomeBody) => api.recordOutcome(youthId, body),
    onSuccess: () => {
      setNote('');
      void queryClient.invalidateQueries({ queryKey: youthKeys.outcomes(youthId) });
    },
  });
  const titleOf = (kind: string, id: string) =>
    opportunities.find((o) => o.kind === kind && o.opportunityId === id)?.title ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = opportunities.find((o) => `${o.kind}:${o.opportunityId}` === opportunity);
    record.mutate({
      type,
      ...(chosen && { opportunity: { kind: chosen.kind, id: chosen.opportunityId } }),
      ...(note.trim() !== '' && { note: note.trim() }),
    });
  };

  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('outcomes')}</h2>
      <form onSubmit={submit} className="card no-print">
        <h3>{t('recordOutcome')}</h3>
        <div className="filters">
          <div className="field">
            <label htmlFor="outcome-type">{t('outcomeType')}</label>
            <select id="outcome-type" value={type} onChange={(e) => setType(e.target.value as OutcomeType)}>
              {COUNSELLOR_OUTCOME_TYPES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcomeTypes.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outcome-opportunity">{t('opportunity')}</label>
            <select
              id="outcome-opportunity"
              value={opportunity}
              onChange={(e) => setOpportunity(e.target.value)}
            >
              <option value="">{t('noOpportunity')}</option>
              {opportunities.map((o) => (
                <option key={`${o.kind}:${o.opportunityId}`} value={`${o.kind}:${o.opportunityId}`}>
                  {o.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="outcome-note">{t('note')}</label>
          <textarea
            id="outcome-note"
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {record.isError && <ErrorMessage error={record.error} />}
        {record.isSuccess && (
          <p className="notice" role="status">
            {t('saved')}
          </p>
        )}
        <button type="submit" disabled={record.isPending}>
          {t('save')}
        </button>
      </form>
      <h3>{t('history')}</h3>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <p>{t('noHistory')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('historyNewestFirst')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('outcomeType')}</th>
                <th scope="col">{t('opportunity')}</th>
                <th scope="col">{t('note')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.toReversed().map((o) => (
                <tr key={o.outcomeId}>
                  <td>{format.dateTime(o.at)}</td>
                  <td>{t(`outcomeTypes.${o.type}`)}</td>
                  <td>{o.opportunity ? titleOf(o.opportunity.kind, o.opportunity.id) : t('none')}</td>
                  <td>{o.note ?? t('none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
