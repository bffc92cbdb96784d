/**
 * The youth assessment app, opened with a counsellor's invitation code (`/asesmen/#ABCD-EFGH`). One
 * question per screen with large answer buttons, a progress bar, back and forward; every answer is
 * written to IndexedDB as it is given, so the youth can stop and resume on the same device, and
 * offline nothing is lost: the submission waits in an outbox and is sent when the connection
 * returns, once. Charts and the workspace's code are not loaded here.
 */
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  type AptitudeSection,
  type AssessmentStatus,
  assessmentApi,
  NetworkError,
  type YouthResults,
} from '../../shared/api/client.ts';
import { addMessages, currentLanguage, useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { messages, NS } from './messages.ts';
import { displayCode, loadAssessment, normaliseCode, type SavedAssessment, saveAssessment } from './store.ts';
import './assessment.css';

addMessages(NS, messages);

const STATUS_POLL_MS = 3000;

/** The service worker caches the app shell and the instrument for the next, maybe offline, visit. */
function useServiceWorker() {
  useEffect(() => {
    if (!document.querySelector('link[rel="manifest"]')) {
      const link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/asesmen/manifest.webmanifest';
      document.head.append(link);
    }
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker
      .register('/asesmen/sw.js', { scope: '/asesmen/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((url) => url.startsWith(location.origin) && !url.includes('/v1/assessment/session'));
        registration.active?.postMessage({ type: 'cache', urls: [location.pathname, ...urls] });
      })
      .catch(() => undefined);
  }, []);
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The API's own message (Indonesian, written for the youth) or a generic one. */
function problem(error: unknown, t: (key: string) => string): string {
  if (error instanceof NetworkError) return t('common:errors.network');
  if (error instanceof ApiError) {
    const fields = error.body?.fields?.map((f) => f.reason).join(' ');
    return fields || error.body?.message || t('common:errors.server');
  }
  return String(error);
}

export default function AssessmentArea() {
  const { t } = useTranslation(NS);
  useServiceWorker();
  const [code, setCode] = useState(() => normaliseCode(decodeURIComponent(location.hash.slice(1))));
  useEffect(() => {
    const onHash = () => setCode(normaliseCode(decodeURIComponent(location.hash.slice(1))));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <Layout>
      {code === '' ? (
        <CodeForm
          onCode={(next) => {
            location.hash = displayCode(next);
            setCode(next);
          }}
        />
      ) : (
        <Runner key={code} code={code} onWrongCode={() => setCode('')} />
      )}
      <p className="muted assessment-title">{t('title')}</p>
    </Layout>
  );
}

function CodeForm({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation(NS);
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() !== '') onCode(normaliseCode(value));
  };
  return (
    <form onSubmit={submit} className="assessment">
      <PageTitle title={t('codeTitle')}>{t('codeTitle')}</PageTitle>
      <div className="field">
        <label htmlFor="invitation-code">{t('codeLabel')}</label>
        <input
          id="invitation-code"
          autoComplete="off"
          autoCapitalize="characters"
          aria-describedby="invitation-code-help"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p id="invitation-code-help" className="muted">
          {t('codeHelp')}
        </p>
      </div>
      <button type="submit" className="big">
        {t('start')}
      </button>
    </form>
  );
}

type Screen =
  | { kind: 'consent' }
  | { kind: 'item'; index: number }
  | { kind: 'aptitude'; section: AptitudeSection }
  | { kind: 'review' }
  | { kind: 'done' };

function screens(state: SavedAssessment): Screen[] {
  return [
    { kind: 'consent' },
    ...state.content.instrument.items.map((_, index) => ({ kind: 'item' as const, index })),
    ...state.session.aptitude.map((section) => ({ kind: 'aptitude' as const, section })),
    { kind: 'review' },
    { kind: 'done' },
  ];
}

function Runner({ code, onWrongCode }: { code: string; onWrongCode: () => void }) {
  const { t } = useTranslation(NS);
  const online = useOnline();
  const [state, setState] = useState<SavedAssessment | undefined>();
  const [error, setError] = useState<unknown>();
  const sending = useRef(false);

  const update = useCallback((change: (current: SavedAssessment) => SavedAssessment) => {
    setState((current) => {
      if (!current) return current;
      const next = change(current);
      void saveAssessment(next);
      return next;
    });
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const saved = await loadAssessment(code);
      if (saved) {
        if (!cancelled) setState(saved);
        return;
      }
      const session = await assessmentApi.getSession(code);
      const content = await assessmentApi.getContent(session.instrument);
      const fresh: SavedAssessment = {
        code,
        session,
        content,
        consentSent: session.consent.given,
        step: session.status === 'submitted' ? Number.MAX_SAFE_INTEGER : session.consent.given ? 1 : 0,
        interests: {},
        aptitude: {},
        idempotencyKey: crypto.randomUUID(),
        ...(session.submittedAt && { submittedAt: session.submittedAt }),
      };
      await saveAssessment(fresh);
      if (!cancelled) setState(fresh);
    })().catch((e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [code]);

  // The outbox: sent whenever there is something in it and a connection, until accepted.
  useEffect(() => {
    if (!state?.outbox || !online || sending.current) return;
    sending.current = true;
    const body = state.outbox;
    assessmentApi
      .submit(code, body)
      .then((accepted) => update((s) => ({ ...s, outbox: undefined, submittedAt: accepted.submittedAt })))
      .catch((e) => {
        // Offline again: it stays in the outbox. Refused: the youth reads why.
        if (!(e instanceof NetworkError)) {
          update((s) => ({ ...s, outbox: undefined }));
          setError(e);
        }
      })
      .finally(() => {
        sending.current = false;
      });
  }, [state?.outbox, online, code, update]);

  if (error !== undefined) {
    const unknownCode = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <div className="error" role="alert">
        <p>{problem(error, t)}</p>
        {unknownCode && (
          <button type="button" onClick={onWrongCode}>
            {t('codeTitle')}
          </button>
        )}
      </div>
    );
  }
  if (!state) {
    return (
      <p className="status" role="status">
        {t('loadingSession')}
      </p>
    );
  }
  const list = screens(state);
  const step = Math.min(state.step, list.length - 1);
  const screen = list[step]!;
  const go = (to: number) => update((s) => ({ ...s, step: Math.max(0, Math.min(to, list.length - 1)) }));
  const items = state.content.instrument.items;
  return (
    <div className="assessment">
      {!online && (
        <p className="notice" role="status">
          {t('offlineNotice')}
        </p>
      )}
      {screen.kind !== 'done' && <Progress value={step} max={list.length - 2} />}
      {screen.kind === 'consent' && (
        <Consent
          state={state}
          onAgree={(consent) => {
            update((s) => ({ ...s, consent, step: 1 }));
            assessmentApi
              .giveConsent(code, consent)
              .then(() => update((s) => ({ ...s, consentSent: true })))
              .catch((e) => {
                if (!(e instanceof NetworkError)) setError(e);
              });
          }}
        />
      )}
      {screen.kind === 'item' && (
        <Item
          state={state}
          index={screen.index}
          onAnswer={(value) =>
            update((s) => ({
              ...s,
              interests: { ...s.interests, [items[screen.index]!.id]: value },
              step: step + 1,
            }))
          }
          onBack={() => go(step - 1)}
          onNext={() => go(step + 1)}
        />
      )}
      {screen.kind === 'aptitude' && (
        <Section
          key={screen.section.subtest}
          state={state}
          section={screen.section}
          update={update}
          onDone={() => go(step + 1)}
        />
      )}
      {screen.kind === 'review' && (
        <Review
          state={state}
          onBack={() => go(step - 1)}
          onSend={() =>
            update((s) => ({
              ...s,
              step: step + 1,
              outbox: {
                idempotencyKey: s.idempotencyKey,
                ...(!s.consentSent && s.consent && { consent: s.consent }),
                interests: Object.fromEntries(items.map((item) => [item.id, s.interests[item.id] ?? null])),
                aptitude: Object.fromEntries(
                  s.session.aptitude.map((section) => {
                    const done = s.aptitude[section.subtest];
                    return [
                      section.subtest,
                      {
                        answers: section.items.map((_, i) => done?.answers[i] ?? null),
                        elapsedMs: done?.elapsedMs ?? 0,
                      },
                    ];
                  }),
                ),
              },
            }))
          }
        />
      )}
      {screen.kind === 'done' && <Done state={state} code={code} online={online} />}
    </div>
  );
}

function Progress({ value, max }: { value: number; max: number }) {
  const { t } = useTranslation(NS);
  return (
    <div className="progress">
      <progress value={value} max={max} aria-label={t('progressLabel')} />
    </div>
  );
}

function Consent({
  state,
  onAgree,
}: {
  state: SavedAssessment;
  onAgree: (consent: NonNullable<SavedAssessment['consent']>) => void;
}) {
  const { t } = useTranslation(NS);
  const lang = currentLanguage();
  const text = state.content.consent[lang];
  const minor = state.session.minor;
  const [youthAgrees, setYouthAgrees] = useState(false);
  const [guardianName, setGuardianName] = useState('');
  const [relationship, setRelationship] = useState<'parent' | 'guardian'>('parent');
  const [guardianAgrees, setGuardianAgrees] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!youthAgrees) return setRefusal(t('youthMustAgree'));
    if (minor && (!guardianAgrees || guardianName.trim() === '')) return setRefusal(t('guardianMustAgree'));
    onAgree({
      textVersion: state.content.consent.version,
      givenAt: new Date().toISOString(),
      youthAgrees: true,
      ...(minor && { guardian: { name: guardianName.trim(), relationship, agrees: true } }),
    });
  };
  return (
    <form onSubmit={submit}>
      <PageTitle title={text.title}>{text.title}</PageTitle>
      <ul className="consent-points">
        {text.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <label className="checkbox big-check">
        <input type="checkbox" checked={youthAgrees} onChange={(e) => setYouthAgrees(e.target.checked)} />
        {text.youth}
      </label>
      {minor && (
        <fieldset>
          <legend>{t('guardianTitle')}</legend>
          <p>{t('minorNote')}</p>
          <div className="field">
            <label htmlFor="guardian-name">{t('guardianName')}</label>
            <input
              id="guardian-name"
              value={guardianName}
              onChange={(e) => setGuardianName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="guardian-relationship">{t('guardianRelationship')}</label>
            <select
              id="guardian-relationship"
              value={relationship}
              onChange={(e) => setRelationship(e.target.value as 'parent' | 'guardian')}
            >
              <option value="parent">{t('parent')}</option>
              <option value="guardian">{t('guardian')}</option>
            </select>
          </div>
          <label className="checkbox big-check">
            <input
              type="checkbox"
              checked={guardianAgrees}
              onChange={(e) => setGuardianAgrees(e.target.checked)}
            />
            {text.guardian}
          </label>
        </fieldset>
      )}
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
      <button type="submit" className="big">
        {t('agreeAndStart')}
      </button>
    </form>
  );
}

function Item(props: {
  state: SavedAssessment;
  index: number;
  onAnswer: (value: number) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation(NS);
  const lang = currentLanguage();
  const { instrument } = props.state.content;
  const item = instrument.items[props.index]!;
  const chosen = props.state.interests[item.id];
  const heading = t('progress', { n: props.index + 1, total: instrument.items.length });
  return (
    <div>
      <PageTitle title={heading}>{heading}</PageTitle>
      <fieldset className="scale">
        <legend>
          <span className="prompt">{instrument.prompt[lang]}</span>
          <span className="item-text">{item.text[lang]}</span>
        </legend>
        {instrument.answerLabels.map((label) => (
          <button
            type="button"
            key={label.value}
            className={`answer${chosen === label.value ? ' chosen' : ''}`}
            aria-pressed={chosen === label.value}
            onClick={() => props.onAnswer(label.value)}
          >
            {label.label[lang]}
          </button>
        ))}
      </fieldset>
      <div className="nav-buttons">
        <button type="button" className="secondary" onClick={props.onBack}>
          {t('back')}
        </button>
        <button type="button" className="secondary" onClick={props.onNext}>
          {t('next')}
        </button>
      </div>
    </div>
  );
}

function Section(props: {
  state: SavedAssessment;
  section: AptitudeSection;
  update: (change: (current: SavedAssessment) => SavedAssessment) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(NS);
  const { number } = useFormat();
  const lang = currentLanguage();
  const { section, update } = props;
  const saved = props.state.aptitude[section.subtest];
  const [now, setNow] = useState(() => Date.now());
  const limitMs = section.timeLimitSeconds * 1000;
  const left = saved?.startedAt ? Math.max(0, limitMs - (now - saved.startedAt)) : limitMs;
  const running = saved?.startedAt !== undefined && !saved.done;

  const finish = useCallback(() => {
    update((s) => {
      const current = s.aptitude[section.subtest];
      if (!current || current.done) return s;
      const elapsedMs = Math.min(Date.now() - (current.startedAt ?? Date.now()), limitMs);
      return { ...s, aptitude: { ...s.aptitude, [section.subtest]: { ...current, elapsedMs, done: true } } };
    });
  }, [update, section.subtest, limitMs]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  useEffect(() => {
    if (running && left === 0) finish();
  }, [running, left, finish]);

  const heading = section.title[lang];
  if (!saved?.startedAt) {
    return (
      <div>
        <PageTitle title={heading}>{heading}</PageTitle>
        <p>{t('aptitudeIntro')}</p>
        <p>{section.instructions[lang]}</p>
        <button
          type="button"
          className="big"
          onClick={() =>
            update((s) => ({
              ...s,
              aptitude: {
                ...s.aptitude,
                [section.subtest]: {
                  answers: section.items.map(() => null),
                  startedAt: Date.now(),
                  done: false,
                },
              },
            }))
          }
        >
          {t('startSection')}
        </button>
      </div>
    );
  }
  const seconds = Math.ceil(left / 1000);
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const optionText = (option: (typeof section.items)[number]['options'][number], unit: string) => {
    if (typeof option !== 'number') return option[lang];
    return unit === 'rupiah' ? `Rp ${number(option)}` : number(option);
  };
  return (
    <div>
      <PageTitle title={heading}>{heading}</PageTitle>
      <p className="timer" role="timer" aria-live="off">
        {saved.done ? t('timeUp') : t('timeLeft', { time })}
      </p>
      <p>{section.instructions[lang]}</p>
      {section.items.map((item, i) => (
        <fieldset key={item.id} className="scale aptitude-item" disabled={saved.done}>
          <legend>
            <span className="prompt">{t('itemOf', { n: i + 1 })}</span>
            <span className="item-text">{item.text[lang]}</span>
            {item.pair && (
              <span className="pair">
                <span>{item.pair[0]}</span>
                <span>{item.pair[1]}</span>
              </span>
            )}
          </legend>
          {item.options.map((option, o) => (
            <button
              type="button"
              key={typeof option === 'number' ? option : option.id}
              className={`answer${saved.answers[i] === o ? ' chosen' : ''}`}
              aria-pressed={saved.answers[i] === o}
              onClick={() =>
                update((s) => {
                  const current = s.aptitude[section.subtest]!;
                  const answers = [...current.answers];
                  answers[i] = o;
                  return { ...s, aptitude: { ...s.aptitude, [section.subtest]: { ...current, answers } } };
                })
              }
            >
              {optionText(option, item.unit)}
            </button>
          ))}
        </fieldset>
      ))}
      <button
        type="button"
        className="big"
        onClick={() => {
          finish();
          props.onDone();
        }}
      >
        {saved.done ? t('next') : t('finishSection')}
      </button>
    </div>
  );
}

function Review({
  state,
  onBack,
  onSend,
}: {
  state: SavedAssessment;
  onBack: () => void;
  onSend: () => void;
}) {
  const { t } = useTranslation(NS);
  const total = state.content.instrument.items.length;
  const answered = state.content.instrument.items.filter((i) => state.interests[i.id] != null).length;
  return (
    <div>
      <PageTitle title={t('reviewTitle')}>{t('reviewTitle')}</PageTitle>
      <p>{t('reviewText', { answered, total })}</p>
      <div className="nav-buttons">
        <button type="button" className="secondary" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" className="big" onClick={onSend}>
          {t('send')}
        </button>
      </div>
    </div>
  );
}

function Done({ state, code, online }: { state: SavedAssessment; code: string; online: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const [status, setStatus] = useState<AssessmentStatus | undefined>();
  const [results, setResults] = useState<YouthResults | undefined>();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const accepted = !state.outbox && state.submittedAt !== undefined;

  useEffect(() => {
    if (!accepted || !online) return;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await assessmentApi.getStatus(code);
        if (stopped) return;
        setStatus(next);
        if (next.state === 'ready') {
          const view = await assessmentApi.getResults(code, lang);
          if (!stopped) setResults(view);
          return;
        }
        if (next.state === 'failed') return;
      } catch {
        // Offline or a hiccup: try again at the next tick.
      }
      if (!stopped) setTimeout(poll, STATUS_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [accepted, online, code, lang]);

  if (state.outbox) {
    return (
      <div>
        <PageTitle title={t('reviewTitle')}>{t('reviewTitle')}</PageTitle>
        <p className="notice" role="status">
          {online ? t('sending') : t('queued')}
        </p>
      </div>
    );
  }
  const reopened = state.session.status === 'submitted' && (
    <p className="notice" role="status">
      {t('alreadySubmitted')}
    </p>
  );
  if (results) {
    return (
      <>
        {reopened}
        <Results results={results} />
      </>
    );
  }
  return (
    <div>
      <PageTitle title={t('sent')}>{t('sent')}</PageTitle>
      {reopened}
      <p className="status" role="status">
        {status?.state === 'failed' ? t('failed') : t('processing')}
      </p>
    </div>
  );
}

function Results({ results }: { results: YouthResults }) {
  const { t } = useTranslation(NS);
  const contact = results.nextStep.counsellor;
  return (
    <div className="results">
      <PageTitle title={t('resultsTitle')}>{t('resultsTitle')}</PageTitle>
      {results.hollandCode && (
        <p className="holland">
          {t('hollandCode', { code: results.hollandCode })} — {results.hollandExplained}
        </p>
      )}
      <h2>{t('strongest')}</h2>
      <ol className="interests">
        {results.interests.map((interest) => (
          <li key={interest.letter}>
            <strong>{interest.name}</strong>. {interest.plain}{' '}
            <span className="muted">{t('examples', { list: interest.examples.join(', ') })}</span>
          </li>
        ))}
      </ol>
      <h2>{t('jobs')}</h2>
      <OpportunityList items={results.jobs} />
      <h2>{t('trainings')}</h2>
      <OpportunityList items={results.trainings} />
      <section className="card next-step">
        <h2>{t('nextStep')}</h2>
        <p>{results.nextStep.text}</p>
        <p>{t('contact', { name: contact.name })}</p>
        {contact.phone && (
          <p>
            <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{t('phone', { phone: contact.phone })}</a>
          </p>
        )}
        {contact.office && <p>{t('office', { office: contact.office })}</p>}
      </section>
    </div>
  );
}

function OpportunityList({ items }: { items: YouthResults['jobs'] }) {
  const { t } = useTranslation(NS);
  if (items.length === 0) return <p>{t('noneYet')}</p>;
  return (
    <ul className="opportunities">
      {items.map((item) => (
        <li key={`${item.title}-${item.ownerName}`}>
          <strong>{item.title}</strong> · {item.ownerName}
          <br />
          {item.why}
        </li>
      ))}
    </ul>
  );
}
