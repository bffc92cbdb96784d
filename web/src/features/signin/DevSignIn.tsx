/** The local stack's sign-in: role, districts, owner id -> a development token from the local endpoint. */
import { type FormEvent, useState } from 'react';
import { ROLES, type Role } from '#core/access/principal';
import { useSessionState } from '../../shared/auth/context.tsx';
import { ROLE_HOME } from '../../shared/auth/home.ts';
import { useTranslation } from '../../shared/i18n/index.ts';
import { navigate } from '../../shared/router.tsx';

export default function DevSignIn({ tokenPath, returnTo }: { tokenPath: string; returnTo: string }) {
  const { t } = useTranslation();
  const { signIn } = useSessionState();
  const [role, setRole] = useState<Role>('counsellor');
  const [districts, setDistricts] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const owner = role === 'employer' ? 'employerId' : role === 'provider' ? 'providerId' : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const codes = districts
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter((d) => d !== '');
    try {
      const response = await fetch(tokenPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          role,
          districts: codes,
          ...(owner && ownerId !== '' && { [owner]: ownerId }),
        }),
      });
      const body = (await response.json()) as { idToken?: string; message?: string };
      if (!response.ok || !body.idToken) throw new Error(body.message ?? `HTTP ${response.status}`);
      const session = signIn(body.idToken);
      navigate(returnTo !== '/' ? returnTo : ROLE_HOME[session.role], { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="card" noValidate>
      <p className="muted">{t('signin.devIntro')}</p>
      <div className="field">
        <label htmlFor="dev-role">{t('signin.role')}</label>
        <select id="dev-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dev-districts">{t('signin.districts')}</label>
        <input
          id="dev-districts"
          inputMode="numeric"
          autoComplete="off"
          value={districts}
          onChange={(e) => setDistricts(e.target.value)}
          placeholder="3374"
        />
      </div>
      {owner && (
        <div className="field">
          <label htmlFor="dev-owner">{t(`signin.${owner}`)}</label>
          <input
            id="dev-owner"
            autoComplete="off"
            value={ownerId}
            onChange={(e) => setOwnerId(e.target.value)}
          />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t('signin.failed', { reason: error })}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('signin.button')}
      </button>
    </form>
  );
}
