import type { ReactNode } from 'react';
import { isAdmin } from '../lib/roles';
import { Forbidden } from '../components/Forbidden';
import { useCurrentUser } from './useAuth';

export function RequireAdmin({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return isAdmin(user) ? <>{children}</> : <Forbidden />;
}
