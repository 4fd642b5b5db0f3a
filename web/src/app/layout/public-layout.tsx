import { Outlet } from 'react-router';
import { SkipLink } from './skip-link';
import { Brand } from './brand';

/** Sign-in and registration: no navigation, just the brand and the form. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <header className="topbar topbar--public">
        <div className="topbar__inner">
          <Brand to="/" />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--public">
        <Outlet />
      </main>
    </>
  );
}
