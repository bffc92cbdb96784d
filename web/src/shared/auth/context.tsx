/** The session for components: who is signed in, and how to sign in or out. */
import { createContext, type ReactNode, useContext } from 'react';
import type { WebRuntimeConfig } from '../config.ts';
import type { Session } from './session.ts';

export interface SessionState {
  config: WebRuntimeConfig;
  session: Session | undefined;
  signIn(idToken: string): Session;
  signOut(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ value, children }: { value: SessionState; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in session; only for pages the app shows after sign-in. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession on a page that needs no sign-in');
  return session;
}
