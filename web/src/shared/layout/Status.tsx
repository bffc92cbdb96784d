/** Loading and error states, announced to screen readers, with the API's reason when it sent one. */
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client.ts';
import { useTranslation } from '../i18n/index.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('loading')}
    </p>
  );
}

export function errorMessage(error: unknown, t: TFunction) {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 401) return t('errors.unauthorized');
    if (error.status === 400 || error.status === 422) {
      const fields = error.body?.fields?.map((f) => `${f.field}: ${f.reason}`).join('; ');
      return `${t('errors.invalid')} ${fields ?? error.message}`;
    }
    return t('errors.server', { status: error.status });
  }
  return String(error);
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert">
      <p>{errorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
