import { Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { session, useSession, type Account } from '../api/session';
import { Button } from '../ui/button';

const STAFF_ROLES = new Set<Account['roles'][number]>(['coordinator', 'reviewer', 'exam_reviewer', 'administrator']);

/** The frame of every page: a skip link, the site's name, what this person can open, and sign-out. */
export function Layout() {
  const state = useSession();
  const navigate = useNavigate();
  const account = state.status === 'signed-in' ? state.account : undefined;
  const isStaff = account?.roles.some((role) => STAFF_ROLES.has(role)) ?? false;
  const isApplicant = account?.roles.includes('applicant') ?? false;

  async function signOut(): Promise<void> {
    await session.signOut();
    void navigate('/sign-in');
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          Endorsement
        </Link>
        <nav aria-label="Main">
          <ul>
            {isApplicant && (
              <li>
                <NavLink to="/" end>
                  My applications
                </NavLink>
              </li>
            )}
            {isStaff && (
              <li>
                <NavLink to="/staff">Staff</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/registry">Registry</NavLink>
            </li>
            {account ? (
              <>
                <li>
                  <NavLink to="/account">Account</NavLink>
                </li>
                <li>
                  <Button variant="secondary" className="button-small" onPress={() => void signOut()}>
                    Sign out
                  </Button>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/sign-in">Sign in</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading…
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
