import { Link, Outlet } from 'react-router';
import { SkipLink } from './skip-link';

/** Sign-in and registration: no navigation, just the brand and the form. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <header className="topbar topbar--public">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label="AIParksit home">
            <span className="brand__mark" aria-hidden="true">
              P
            </span>
            <span className="brand__name">AIParksit</span>
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--public">
        <Outlet />
      </main>
    </>
  );
}
