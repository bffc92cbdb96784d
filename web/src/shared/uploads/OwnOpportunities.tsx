/**
 * The signed-in employer's vacancies or provider's training offers as a table: one query, the
 * loading, error and empty states, and the columns each area chooses.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../api/client.ts';
import { opportunityKeys } from '../api/keys.ts';
import { ErrorMessage, Loading } from '../layout/Status.tsx';

type OwnOpportunity = Awaited<ReturnType<typeof api.listOwnOpportunities>>['items'][number];

export interface OwnOpportunityColumn {
  header: string;
  cell: (opportunity: OwnOpportunity) => ReactNode;
}

export function OwnOpportunities(props: {
  id: string;
  title: string;
  help?: string;
  empty: string;
  columns: readonly OwnOpportunityColumn[];
}) {
  const list = useQuery({
    queryKey: opportunityKeys.own(),
    queryFn: ({ signal }) => api.listOwnOpportunities(signal),
  });
  return (
    <section className="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.help && <p className="muted">{props.help}</p>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column.header} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((opportunity) => (
                <tr key={opportunity.opportunityId}>
                  {props.columns.map((column) => (
                    <td key={column.header}>{column.cell(opportunity)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
