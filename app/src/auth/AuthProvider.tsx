import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { login, logout, sessionKey, useSessionQuery } from '../api/auth';
import { onUnauthorized, setCsrfToken } from '../api/client';
import type { LoginInput, Session, User } from '../api/types';
import i18n, { hasStoredLanguage } from '../i18n';

export interface AuthState {
  /** undefined while the session is being checked, null when signed out. */
  user: User | null | undefined;
  sessionError: unknown;
  retrySession: () => void;
  signIn: (input: LoginInput) => Promise<User>;
  signOut: () => Promise<void>;
  refreshSession: () => Promise<unknown>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSessionQuery();

  // Any 401 from the API means the session is gone: forget it (and every cached answer); the
  // route guard then sends the user to /login and brings them back afterwards.
  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      if (queryClient.getQueryData<Session | null>(sessionKey)) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
        queryClient.setQueryData(sessionKey, null);
      }
    });
    return () => onUnauthorized(null);
  }, [queryClient]);

  const signIn = useCallback(
    async (input: LoginInput) => {
      const result = await login(input);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, result);
      // With no choice made on this device yet, speak the language set on the account.
      if (!hasStoredLanguage() && result.user.locale !== i18n.resolvedLanguage) void i18n.changeLanguage(result.user.locale);
      return result.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    }
  }, [queryClient]);

  const { refetch } = session;
  const value = useMemo<AuthState>(
    () => ({
      user: session.isPending ? undefined : (session.data?.user ?? null),
      sessionError: session.data === undefined ? session.error : null,
      retrySession: () => void refetch(),
      signIn,
      signOut,
      refreshSession: () => refetch(),
    }),
    [session.isPending, session.data, session.error, refetch, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
