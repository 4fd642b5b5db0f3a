import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { UserView } from '@aiparksit/shared';
import { useActiveNavItemInView } from '../../components/use-active-nav-item-in-view';
import { useLogout } from '../../features/auth';
import { SocketProvider } from '../../lib/socket';
import { ROLE_SECTIONS, homeFor, navigationFor } from '../navigation';
import { ConnectionBadge } from './connection-badge';
import { SkipLink } from './skip-link';
import { Brand } from './brand';

/** The frame around every signed-in page: skip link, role navigation, live badge, sign-out. */
export function AppLayout({ user }: { user: UserView }) {
  const logout = useLogout();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  const navRef = useRef<HTMLElement>(null);
  useActiveNavItemInView(navRef, pathname);

  // After client-side navigation, move focus to the new page so keyboard and screen-reader
  // users start reading it from the top, as they would after a full page load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Without scrolling: the router's scroll restoration decides where the page opens (its top, or
    // where the person was when they come back), and focusing would scroll <main> into view.
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <SocketProvider>
      <SkipLink />
      <header className="topbar">
        <div className="topbar__inner">
          <Brand to={homeFor(user.role)} />
          <nav aria-label="Main" className="nav" ref={navRef}>
            <ul>
              {navigationFor(user.role).map((item) => (
                <li key={item.to}>
                  {/* A section's pages below an item (a booking, a car park) keep it current; the home item matches itself only. */}
                  <NavLink to={item.to} end={item.to === homeFor(user.role)} className="nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="topbar__account">
            <ConnectionBadge />
            <span className="user-chip">
              <span className="user-chip__name">{user.name}</span>
              <span className="user-chip__role">{ROLE_SECTIONS[user.role].title}</span>
            </span>
            <button type="button" className="button button--ghost" onClick={() => logout.mutate()} disabled={logout.isPending}>
              {logout.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>AIParksit — parking, sorted before you set off.</p>
      </footer>
    </SocketProvider>
  );
}
