/** The app shell: runtime config, i18n, session, query cache, and which area a path opens. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Component, lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { ApiError, configureApi } from '../shared/api/client.ts';
import { SessionProvider, type SessionState } from '../shared/auth/context.tsx';
import { ROLE_HOME } from '../shared/auth/home.ts';
import {
  clearSession,
  loadSession,
  type Session,
  saveSession,
  sessionFromIdToken,
} from '../shared/auth/session.ts';
import { loadRuntimeConfig, type WebRuntimeConfig } from '../shared/config.ts';
import { i18n, initI18n, useTranslation } from '../shared/i18n/index.ts';
import { Layout } from '../shared/layout/Layout.tsx';
import { PageTitle } from '../shared/layout/PageTitle.tsx';
import { ErrorMessage, Loading } from '../shared/layout/Status.tsx';
import { navigate, useLocation } from '../shared/router.tsx';
import { routeOf } from './routes.tsx';

const SignIn = lazy(() => import('../features/signin/index.tsx'));

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on its own; only network and server errors are retried.
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error === undefined ? this.props.children : <ErrorMessage error={this.state.error} />;
  }
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Layout>
      <PageTitle title={t('errors.pageNotFound')}>{t('errors.pageNotFound')}</PageTitle>
    </Layout>
  );
}

function Routes({ session }: { session: Session | undefined }) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const route = routeOf(pathname);
  const home = session && routeOf(ROLE_HOME[session.role]) ? ROLE_HOME[session.role] : undefined;
  const needsSignIn = !session && (pathname === '/' || (route !== undefined && route.roles !== 'public'));

  useEffect(() => {
    if (needsSignIn) navigate(`/signin?returnTo=${encodeURIComponent(pathname)}`, { replace: true });
    else if (pathname === '/' && home) navigate(home, { replace: true });
  }, [needsSignIn, pathname, home]);

  if (pathname === '/signin' || pathname === '/auth/callback') return <SignIn />;
  if (needsSignIn) return <Loading />;
  if (pathname === '/') {
    return (
      <Layout>
        <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
        {!home && <p>{t('home.noWorkspace')}</p>}
      </Layout>
    );
  }
  if (!route || (route.roles !== 'public' && (!session || !route.roles.includes(session.role)))) {
    return <NotFoundPage />;
  }
  const View = route.view;
  return <View />;
}

export function App() {
  const [config, setConfig] = useState<WebRuntimeConfig | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const queryClient = useMemo(makeQueryClient, []);

  useEffect(() => {
    Promise.all([loadRuntimeConfig(), initI18n()]).then(([c]) => setConfig(c), setFailure);
  }, []);

  const state = useMemo<SessionState | undefined>(() => {
    if (!config) return undefined;
    return {
      config,
      session,
      signIn(idToken) {
        const next = sessionFromIdToken(idToken);
        saveSession(next);
        setSession(next);
        return next;
      },
      signOut() {
        clearSession();
        queryClient.clear();
        setSession(undefined);
        navigate('/signin', { replace: true });
      },
    };
  }, [config, session, queryClient]);

  // Set during render, not in an effect: children's queries start in their own effects, which run
  // before a parent's, and must already send the token.
  configureApi({ token: () => session?.idToken, onUnauthorized: () => state?.signOut() });

  if (failure !== undefined) return <ErrorMessage error={failure} />;
  if (!state || !i18n.isInitialized) return null;
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider value={state}>
        <ErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Routes session={session} />
          </Suspense>
        </ErrorBoundary>
      </SessionProvider>
    </QueryClientProvider>
  );
}
