/**
 * The upload workspace of employers (vacancies) and training providers (trainings): the template
 * download, a drop zone (or file picker) that sends the file through the presigned flow
 * (POST /v1/uploads, then PUT to S3), and the processing report once the pipeline has written it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useId, useState } from 'react';
import { api, type TemplateKind } from '../api/client.ts';
import { opportunityKeys, uploadKeys } from '../api/keys.ts';
import { addMessages, useTranslation } from '../i18n/index.ts';
import { ErrorMessage, errorMessage } from '../layout/Status.tsx';
import { messages, NS } from './messages.ts';
import './uploads.css';
import { saveFile } from './save-file.ts';
import { UploadReport } from './UploadReport.tsx';

addMessages(NS, messages);

const ACCEPT = '.xlsx,.csv,.json,.jsonl,.ndjson';
const POLL_MS = 1_000;

export function TemplateDownload({ kind }: { kind: TemplateKind }) {
  const { t } = useTranslation(NS);
  const template = useMutation({ mutationFn: () => api.downloadTemplate(kind), onSuccess: saveFile });
  return (
    <section className="card" aria-labelledby="template-heading">
      <h2 id="template-heading">{t('templateTitle')}</h2>
      <p>{t('templateIntro')}</p>
      <button type="button" onClick={() => template.mutate()} disabled={template.isPending}>
        {t('templateButton')}
      </button>
      {template.isError && <ErrorMessage error={template.error} />}
    </section>
  );
}

/** The report of one upload, asked again every second while the pipeline has not written it. */
export function UploadResult({ uploadId }: { uploadId: string }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: uploadKeys.detail(uploadId, lang),
    queryFn: async ({ signal }) => {
      const upload = await api.getUpload(uploadId, lang, signal);
      if (upload.status !== 'pending') {
        void queryClient.invalidateQueries({ queryKey: uploadKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: opportunityKeys.all });
      }
      return upload;
    },
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
  });
  if (status.isError) return <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data || status.data.status === 'pending') {
    return (
      <p className="status" role="status">
        {t('processing')}
      </p>
    );
  }
  return <UploadReport upload={status.data} />;
}

export function UploadPanel({ kind }: { kind: TemplateKind }) {
  const { t } = useTranslation(NS);
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [uploadId, setUploadId] = useState<string>();
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const created = await api.createUpload({ kind, fileName: file.name, size: file.size });
      await api.putUploadFile(created, file);
      return created.uploadId;
    },
    onMutate: () => setUploadId(undefined),
    onSuccess: setUploadId,
  });
  const send = (files: FileList | null) => {
    const file = files?.[0];
    if (file) upload.mutate(file);
  };
  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files);
  };
  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('uploadTitle')}</h2>
      <fieldset
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <legend>{t('dropHere')}</legend>
        <label htmlFor={inputId}>{t('chooseFile')}</label>
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          disabled={upload.isPending}
          onChange={(event) => {
            send(event.target.files);
            event.target.value = '';
          }}
        />
      </fieldset>
      {upload.isPending && (
        <p className="status" role="status">
          {t('uploading', { file: upload.variables?.name ?? '' })}
        </p>
      )}
      {upload.isError && (
        <p className="error" role="alert">
          {t('uploadFailed', { reason: errorMessage(upload.error, t) })}
        </p>
      )}
      <div aria-live="polite">{uploadId && <UploadResult uploadId={uploadId} />}</div>
    </section>
  );
}
