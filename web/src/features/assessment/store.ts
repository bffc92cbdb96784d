/**
 * The assessment as kept on the device: one record per invitation code in IndexedDB, written after
 * every answer, so closing the browser, losing the signal or a flat battery loses nothing. The
 * submission waits in the same record (`outbox`) until it has been accepted; its idempotency key is
 * drawn once, so however often it is retried the server accepts it exactly once.
 */
import type {
  AssessmentContent,
  AssessmentSession,
  ConsentBody,
  SubmissionBody,
} from '../../shared/api/client.ts';

const DB_NAME = 'sinergi-assessment';
const STORE = 'assessments';

export type ScreenSubtest = AssessmentSession['aptitude'][number]['subtest'];

export interface SectionState {
  answers: (number | null)[];
  /** Epoch ms when the youth started the section; the timer runs from it, across reloads. */
  startedAt?: number;
  elapsedMs?: number;
  done: boolean;
}

export interface SavedAssessment {
  /** As typed, normalised: upper case, no dash. */
  code: string;
  session: AssessmentSession;
  content: AssessmentContent;
  consent?: ConsentBody;
  consentSent: boolean;
  /** Which screen: see `screens()` in index.tsx. */
  step: number;
  interests: Record<string, number | null>;
  aptitude: Partial<Record<ScreenSubtest, SectionState>>;
  idempotencyKey: string;
  /** The submission waiting to be sent; removed once the server accepted it. */
  outbox?: SubmissionBody;
  submittedAt?: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function loadAssessment(code: string): Promise<SavedAssessment | undefined> {
  return run('readonly', (store) => store.get(code) as IDBRequest<SavedAssessment | undefined>);
}

export async function saveAssessment(state: SavedAssessment): Promise<void> {
  await run('readwrite', (store) => store.put(state, state.code));
}

/** `ABCD-EFGH`, `abcd efgh` -> `ABCDEFGH`; the server checks the alphabet and says what is wrong. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function displayCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
