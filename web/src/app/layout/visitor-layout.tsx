import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { SocketProvider } from '../../lib/socket';
import { SkipLink } from './skip-link';
import { Brand } from './brand';

/** Back to this page after signing in or registering: the path and query the visitor is reading. */
function nextHere(pathname: string, search: string): string {
  const here = `${pathname}${search}`;
  return here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
}

/**
 * The frame around the open marketplace for someone not signed in: search is one click away,
 * and an account is offered, never required, until "Book".
 */
export function VisitorLayout() {
  const { pathname, search } = useLocation();
  const next = nextHere(pathname, search);
  return (
    <SocketProvider>
      <SkipLink />
      <header className="topbar topbar--visitor">
        <div className="topbar__inner">
          <Brand to="/" />
          <nav aria-label="Main" className="nav">
            <ul>
              <li>
                <NavLink to="/" end className="nav__link">
                  Find parking
                </NavLink>
              </li>
            </ul>
          </nav>
          <div className="topbar__account">
            <Link to={`/login${next}`} className="button button--ghost">
              Sign in
            </Link>
            <Link to={`/register${next}`} className="button button--secondary">
              Register
            </Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>AIParksit — parking, sorted before you set off.</p>
      </footer>
    </SocketProvider>
  );
}
