import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { LoadError } from '../components/LoadError';
import { useAuth } from './useAuth';

export interface LoginRedirectState {
  from?: string;
}

/** Signed-out visitors go to /login, which brings them back here after signing in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, sessionError, retrySession } = useAuth();
  const location = useLocation();
  if (user === undefined) {
    if (sessionError) return <LoadError error={sessionError} onRetry={retrySession} fullPage />;
    return <FullPageSpin />;
  }
  if (user === null) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginRedirectState} />;
  }
  return <>{children}</>;
}
