import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import type { Role, UserView } from '@aiparksit/shared';
import { LoadingState } from '../../components/status';
import { useSession } from '../../lib/session';
import { AppLayout } from '../layout/app-layout';
import { VisitorLayout } from '../layout/visitor-layout';
import { destinationAfterSignIn, homeFor, mayOpenSection } from '../navigation';
import { ForbiddenPage } from './status-pages';

export function RestoringSession() {
  return (
    <div className="page-center">
      <LoadingState label="Resuming your session…" />
    </div>
  );
}

/**
 * Signed-in pages. A signed-out visitor goes to /login with the page they asked for in `next`;
 * a session that ended (refresh failed) goes there too, with a note saying why.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <RestoringSession />;
  if (session.status === 'signed-out') {
    // After choosing to sign out, the next person starts from their own home, not this page.
    if (session.reason === 'signed-out') return <Navigate to="/login" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace state={{ expired: session.reason === 'expired' }} />;
  }
  return <AppLayout user={session.user} />;
}

/** Sign-in and registration: a signed-in person is taken on to where they were going. */
export function PublicOnly() {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.status === 'restoring') return <RestoringSession />;
  if (session.status === 'signed-in') return <Navigate to={destinationAfterSignIn(params.get('next'), session.user.role)} replace />;
  return <Outlet />;
}

/** A role's section (and its guests', see SECTION_GUESTS). The API refuses the data anyway; this keeps the screen honest. */
export function RoleSection({ role, render }: { role: Role; render: (user: UserView) => React.ReactNode }) {
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  if (!mayOpenSection(session.user.role, role)) return <ForbiddenPage role={session.user.role} />;
  return <>{render(session.user)}</>;
}

/** The open marketplace: anyone may search and read; a signed-in person sees it in their own frame. */
export function OpenToEveryone() {
  const session = useSession();
  if (session.status === 'restoring') return <RestoringSession />;
  if (session.status === 'signed-in') return <AppLayout user={session.user} />;
  return <VisitorLayout />;
}

/** `/` is the search for visitors and drivers; operators, investors and admins keep their own homes. */
export function MarketplaceHome({ children }: { children: React.ReactNode }) {
  const session = useSession();
  if (session.status === 'signed-in' && session.user.role !== 'driver') return <Navigate to={homeFor(session.user.role)} replace />;
  return <>{children}</>;
}
