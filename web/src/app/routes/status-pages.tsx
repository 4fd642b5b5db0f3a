import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import type { Role } from '@aiparksit/shared';
import { useSession } from '../../lib/session';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../components/use-page-title';
import { homeFor } from '../navigation';

export function ForbiddenPage({ role }: { role: Role }) {
  usePageTitle('Not allowed');
  return (
    <section className="status-page" aria-labelledby="forbidden-title">
      <p className="status-page__code">403</p>
      <h1 id="forbidden-title">This area is not part of your account</h1>
      <p>Your account does not have access to this page. If you think it should, ask an AIParksit admin.</p>
      <Link className="button button--primary" to={homeFor(role)}>
        Go to your home page
      </Link>
    </section>
  );
}

export function NotFoundPage() {
  usePageTitle('Page not found');
  const session = useSession();
  const home = session.status === 'signed-in' ? homeFor(session.user.role) : '/';
  return (
    <section className="status-page" aria-labelledby="not-found-title">
      <p className="status-page__code">404</p>
      <h1 id="not-found-title">We could not find that page</h1>
      <p>The address may be mistyped, or the page may have moved.</p>
      <Link className="button button--primary" to={home}>
        Go to the home page
      </Link>
    </section>
  );
}

/** Shown when rendering a route throws: a way out instead of a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <main id="main" className="page-center">
      <section className="status-page" role="alert">
        <PageHeader title="Something went wrong on this page" />
        <p>Reloading usually helps. If it keeps happening, tell us what you were doing{detail ? ` (${detail})` : ''}.</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </section>
    </main>
  );
}
