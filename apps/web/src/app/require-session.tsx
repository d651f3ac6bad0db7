import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';

/** Pages behind sign-in: a person who is not signed in signs in and comes back to this address. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const params = new URLSearchParams({ next });
    if (state.reason === 'expired') params.set('expired', '1');
    return <Navigate to={`/sign-in?${params}`} replace />;
  }
  return <Outlet />;
}
