/**
 * Sign-in. On AWS: the Cognito Hosted UI (authorization code + PKCE) and its callback. On the
 * local stack only: the development screen, which asks the local token endpoint for a token of the
 * chosen role; its code is a separate chunk that the deployed app never loads.
 */
import { lazy, useEffect, useState } from 'react';
import { finishCognitoSignIn, startCognitoSignIn } from '../../shared/auth/cognito.ts';
import { useSessionState } from '../../shared/auth/context.tsx';
import { ROLE_HOME, safeReturnTo } from '../../shared/auth/home.ts';
import { useTranslation } from '../../shared/i18n/index.ts';
import { Layout } from '../../shared/layout/Layout.tsx';
import { PageTitle } from '../../shared/layout/PageTitle.tsx';
import { navigate, useLocation } from '../../shared/router.tsx';

const DevSignIn = lazy(() => import('./DevSignIn.tsx'));

function CognitoCallback() {
  const { t } = useTranslation();
  const { config, signIn } = useSessionState();
  const { search } = useLocation();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    if (config.auth.kind !== 'cognito') return;
    finishCognitoSignIn(config.auth, `?${search}`).then(
      ({ idToken, returnTo }) => {
        const session = signIn(idToken);
        navigate(safeReturnTo(returnTo) ?? ROLE_HOME[session.role], { replace: true });
      },
      (error: unknown) => setFailed(String(error instanceof Error ? error.message : error)),
    );
  }, [config, search, signIn]);
  return failed ? (
    <p role="alert">{t('signin.failed', { reason: failed })}</p>
  ) : (
    <p role="status">{t('signin.callback')}</p>
  );
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { config } = useSessionState();
  const { pathname, search } = useLocation();
  const returnTo = safeReturnTo(search.get('returnTo')) ?? '/';
  const auth = config.auth;
  return (
    <Layout>
      <PageTitle title={t('signin.title')}>
        {auth.kind === 'local' ? t('signin.devTitle') : t('signin.title')}
      </PageTitle>
      {pathname === '/auth/callback' ? (
        <CognitoCallback />
      ) : auth.kind === 'local' ? (
        <DevSignIn tokenPath={auth.tokenPath} returnTo={returnTo} />
      ) : (
        <>
          <p>{t('signin.intro')}</p>
          <button type="button" onClick={() => void startCognitoSignIn(auth, returnTo)}>
            {t('signin.button')}
          </button>
        </>
      )}
    </Layout>
  );
}
