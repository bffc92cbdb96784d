/** The caller's own uploads with status and counts; a row opens that upload's report. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { uploadKeys } from '../api/keys.ts';
import { useFormat, useTranslation } from '../i18n/index.ts';
import { ErrorMessage, Loading } from '../layout/Status.tsx';
import { NS } from './messages.ts';
import { UploadResult } from './UploadPanel.tsx';

export function UploadList() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const [open, setOpen] = useState<string>();
  const list = useQuery({ queryKey: uploadKeys.list(), queryFn: ({ signal }) => api.listUploads(signal) });
  return (
    <section className="card" aria-labelledby="uploads-heading">
      <h2 id="uploads-heading">{t('myUploads')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('noUploads')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('myUploads')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('file')}</th>
                <th scope="col">{t('uploadedAt')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('result')}</th>
              </tr>
            </thead>
            <tbody>
              {[...list.data.items].reverse().map((u) => (
                <tr key={u.uploadId}>
                  <td>{u.fileName}</td>
                  <td>{format.dateTime(u.createdAt)}</td>
                  <td>{t(`statuses.${u.status}`)}</td>
                  <td>
                    {u.counts && (
                      <button type="button" className="link" onClick={() => setOpen(u.uploadId)}>
                        {t('resultShort', {
                          accepted: format.number(u.counts.accepted),
                          rejected: format.number(u.counts.rejected),
                        })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <UploadResult uploadId={open} />}
    </section>
  );
}
