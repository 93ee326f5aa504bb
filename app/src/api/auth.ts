import { useQuery } from '@tanstack/react-query';
import { ApiError, request, setCsrfToken } from './client';
import type { LoginInput, Session } from './types';

export const sessionKey = ['session'] as const;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await request<Session>('GET', '/auth/session', { allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(input: LoginInput): Promise<Session> {
  const session = await request<Session>('POST', '/auth/login', { body: input, allowUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout', { allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}
