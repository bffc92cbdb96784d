/**
 * A processing report row by row: the counts, then each rejected row with its column and the
 * reason in the reader's language (the API translates the reasons), then the warnings.
 */
import type { UploadStatus } from '../api/client.ts';
import { useFormat, useTranslation } from '../i18n/index.ts';
import { NS } from './messages.ts';

type Issue = NonNullable<UploadStatus['report']>['rejected'][number];

function IssueTable({ issues, caption }: { issues: readonly Issue[]; caption: string }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="issues">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('row')}</th>
            <th scope="col">{t('record')}</th>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report's issues never change order; two can be alike
            <tr key={i}>
              <td>{issue.row === undefined ? t('wholeFile') : format.number(issue.row)}</td>
              <td>{issue.record ?? ''}</td>
              <td>{issue.field}</td>
              <td>{issue.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UploadReport({ upload }: { upload: UploadStatus }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const report = upload.report;
  if (!report) return null;
  const { counts } = report;
  return (
    <section className="card report" aria-labelledby={`report-${upload.uploadId}`}>
      <h3 id={`report-${upload.uploadId}`}>{t('reportTitle', { file: upload.fileName })}</h3>
      {upload.status === 'rejected_file' && <p className="error">{t('fileRejected')}</p>}
      <p>
        {t('counts', {
          rows: format.number(counts.rows),
          accepted: format.number(counts.accepted),
          rejected: format.number(counts.rejected),
          warnings: format.number(counts.warnings),
        })}
      </p>
      {report.rejected.length === 0 && upload.status === 'processed' ? (
        <p>{t('allAccepted')}</p>
      ) : (
        <IssueTable issues={report.rejected} caption={t('rejectedCaption')} />
      )}
      {report.truncated && report.truncated.rejected > 0 && (
        <p className="muted">{t('truncated', { n: format.number(report.truncated.rejected) })}</p>
      )}
      {report.warnings.length > 0 && <IssueTable issues={report.warnings} caption={t('warningsCaption')} />}
    </section>
  );
}
