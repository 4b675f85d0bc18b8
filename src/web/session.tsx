// SPDX-License-Identifier: EUPL-1.2
// Who is signed in. The session cookie is http-only; the CSRF token comes from /api/auth/session (or
// the sign-in response) and is kept in memory by the API client.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api/client.js';
import type { Actor, SessionResponse } from './api/types.js';
import { roleCapabilities, type Capability, type RoleKey } from '../core/access/roles.js';

interface SessionState {
  actor: Actor | null;
  loading: boolean;
  refresh: () => Promise<Actor | null>;
  signIn: (municipality: string, email: string, password: string) => Promise<Actor | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<SessionResponse>('/api/auth/session');
      setCsrfToken(session.csrfToken ?? null);
      setActor(session.actor);
      return session.actor;
    } catch {
      setActor(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    async (municipality: string, email: string, password: string) => {
      const result = await api.post<{ ok: boolean; csrfToken: string }>('/api/auth/login', { municipality, email, password });
      setCsrfToken(result.csrfToken);
      return refresh();
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setActor(null);
    }
  }, []);

  const value = useMemo(() => ({ actor, loading, refresh, signIn, signOut }), [actor, loading, refresh, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * Whether any of the actor's roles in this municipality grants the capability somewhere. Used only
 * to decide which menu items to show; every page and button still follows the server's `abilities`.
 */
export function actorHasCapability(actor: Actor | null, municipality: string, capability: Capability): boolean {
  if (!actor || actor.municipality !== municipality) return false;
  return actor.roles.some((r) => (roleCapabilities as Record<string, readonly Capability[] | undefined>)[r.role as RoleKey]?.includes(capability) ?? false);
}
