import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onSessionEnded } from '../../api/client.js';
import { fetchCurrentUser, signOut as requestSignOut, type User } from './api.js';

/** Where the session stands; `ended` means it expired or was revoked while the user was working. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; ended: boolean }
  | { status: 'authenticated'; user: User };

/** What {@link useSession} gives components. */
export interface SessionContextValue {
  state: SessionState;
  /** Records the user returned by a successful sign-in. */
  completeSignIn(user: User): void;
  /** Closes the session on the server; resolves false if the server could not be told. */
  signOut(): Promise<boolean>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Loads the current session on start and shares it with the tree. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    void fetchCurrentUser().then((result) => {
      if (!active) return;
      setState(
        result.ok ? { status: 'authenticated', user: result.value } : { status: 'anonymous', ended: false },
      );
    });
    const unsubscribe = onSessionEnded(() => {
      setState((current) =>
        current.status === 'authenticated' ? { status: 'anonymous', ended: true } : current,
      );
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);

  const completeSignIn = useCallback((user: User) => setState({ status: 'authenticated', user }), []);

  const signOut = useCallback(async () => {
    const result = await requestSignOut();
    // 401: the session was already gone on the server, which is what the user wanted.
    if (!result.ok && result.status !== 401) return false;
    setState({ status: 'anonymous', ended: false });
    return true;
  }, []);

  const value = useMemo(() => ({ state, completeSignIn, signOut }), [state, completeSignIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session shared by {@link SessionProvider}. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered after sign-in. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser requires a signed-in user');
  return state.user;
}
