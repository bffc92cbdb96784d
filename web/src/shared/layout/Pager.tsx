/**
 * Previous / next over cursor pages: `cursors[i]` opens page i + 1 (undefined for the first), so
 * going back needs no cursor from the API. The page label is the page's own string.
 */
import { type Dispatch, type SetStateAction, useState } from 'react';
import { useTranslation } from '../i18n/index.ts';

export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  return { cursor: cursors[page], page, setCursors, reset: () => setCursors([undefined]) };
}

export function Pager({
  page,
  label,
  next,
  setCursors,
}: {
  page: number;
  /** "Halaman 2" in the feature's words. */
  label: string;
  /** The cursor of the next page; undefined on the last. */
  next: string | undefined;
  setCursors: Dispatch<SetStateAction<(string | undefined)[]>>;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="secondary"
        disabled={page === 0}
        onClick={() => setCursors((c) => c.slice(0, -1))}
      >
        {t('previous')}
      </button>
      <span aria-live="polite">{label}</span>
      <button
        type="button"
        className="secondary"
        disabled={!next}
        onClick={() => setCursors((c) => [...c, next])}
      >
        {t('next')}
      </button>
    </nav>
  );
}
