import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuthState } from './AuthContext';
import { loginPath } from './next';

/**
 * Guards a page that needs a session. While the session is being restored
 * from the refresh cookie it waits; signed out, it sends the visitor to the
 * login page with ?next= so they come back here afterwards.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuthState();
  const location = useLocation();
  if (status === 'restoring') {
    return (
      <div role="status" aria-live="polite" className="flex justify-center py-24 text-sm text-slate-600">
        <span className="inline-flex items-center gap-3">
          <span className="h-4 w-4 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" aria-hidden="true" />
          Checking your session…
        </span>
      </div>
    );
  }
  if (status === 'signedOut') {
    return <Navigate to={loginPath(location.pathname + location.search + location.hash)} replace />;
  }
  return <>{children}</>;
}
