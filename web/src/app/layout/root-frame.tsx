import { Outlet, ScrollRestoration } from 'react-router';

/**
 * Every page: a new page opens at its top, and back/forward return to where the person was
 * (positions kept per history entry in sessionStorage, so a reload keeps them too).
 */
export function RootFrame() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}
