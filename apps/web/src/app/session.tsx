/**
 * The signed-in session: the access token lives in sessionStorage (this tab only; closing the tab
 * signs out), and GET /me gives the account, the member record and the mandates.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setToken, setUnauthorizedHandler } from '../api/client';
import { rolesOf, type Me, type Roles } from './roles';

const KEY = 'commons.session';
interface Stored {
  accessToken: string;
  expiresAt: string;
}

interface Session {
  me: Me | null;
  roles: Roles | null;
  /** Still checking a stored token. */
  starting: boolean;
  notice: string | null;
  signIn(email: string, password: string): Promise<void>;
  /** Starts a session from an access token the API has just issued (account activation). */
  adopt(issued: Stored): Promise<void>;
  signOut(notice?: string): Promise<void>;
  refresh(): Promise<void>;
}

const Ctx = createContext<Session | null>(null);

function readStored(): Stored | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Stored | null;
    if (!s || new Date(s.expiresAt).getTime() <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [starting, setStarting] = useState(() => !!readStored());
  const [notice, setNotice] = useState<string | null>(null);

  const clear = useCallback((message?: string) => {
    sessionStorage.removeItem(KEY);
    setToken(null);
    setMe(null);
    setNotice(message ?? null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => clear('Your session has ended. Please sign in again.'));
    const stored = readStored();
    if (!stored) return;
    setToken(stored.accessToken);
    api
      .get('/me')
      .then(setMe, (e) => clear(e instanceof ApiError && e.status === 401 ? 'Your session has ended. Please sign in again.' : undefined))
      .finally(() => setStarting(false));
  }, [clear]);

  const adopt = useCallback(async (res: Stored) => {
    sessionStorage.setItem(KEY, JSON.stringify({ accessToken: res.accessToken, expiresAt: res.expiresAt }));
    setToken(res.accessToken);
    const who = await api.get('/me');
    setNotice(null);
    setMe(who);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => adopt(await api.post('/auth/login', { body: { email, password } })), [adopt]);

  const signOut = useCallback(
    async (message?: string) => {
      await api.post('/auth/logout').catch(() => undefined);
      clear(message ?? 'You have signed out.');
    },
    [clear],
  );

  const refresh = useCallback(async () => setMe(await api.get('/me')), []);

  const value = useMemo<Session>(() => ({ me, roles: me ? rolesOf(me) : null, starting, notice, signIn, adopt, signOut, refresh }), [me, starting, notice, signIn, adopt, signOut, refresh]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
/** For screens that only render when signed in. */
export function useMe(): { me: Me; roles: Roles } {
  const s = useSession();
  if (!s.me || !s.roles) throw new Error('not signed in');
  return { me: s.me, roles: s.roles };
}
