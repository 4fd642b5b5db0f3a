import { isValidElement } from 'react';
import { Navigate, Outlet, createBrowserRouter, type RouteObject } from 'react-router';
import { FORGOT_PASSWORD_PATH, INVITATION_PATH, RESET_PASSWORD_PATH, VERIFY_EMAIL_PATH } from '@aiparksit/shared';
import { investorKeys } from '../features/investor/query-keys';
import { operatorBookingKeys } from '../features/operator-bookings/query-keys';
import { analyticsKeys } from '../features/analytics/query-keys';
import { OperatorFeedProvider, PlatformFeedProvider } from '../lib/socket';
import { dashboardKeys } from '../shared/operator-dashboard';
import { PublicLayout } from './layout/public-layout';
import { RootFrame } from './layout/root-frame';
import { MarketplaceHome, OpenToEveryone, PublicOnly, RequireSession, RoleSection } from './routes/guards';
import { MovedTo } from './routes/moved-to';
// Every page is loaded with its section when first opened (see lazy-pages.tsx).
import {
  AccountPage,
  AccountsPage,
  BookingDetailPage,
  CheckoutPage,
  ConfirmationPage,
  ExtensionPaymentPage,
  FacilitiesPage,
  FacilityDetailPage,
  FacilityEditPage,
  FacilityPage,
  ForgotPasswordPage,
  InvestorGrowthPage,
  InvestorMarketPage,
  InvestorOverviewPage,
  InvestorRevenuePage,
  InvitationPage,
  LoginPage,
  MailboxMessagePage,
  MailboxPage,
  MarketplaceLandingPage,
  MarketplacePage,
  MyBookingsPage,
  NewFacilityPage,
  OccupancyPage,
  OnboardingPage,
  OperatorApplicationsPage,
  OperatorBookingPage,
  OperatorBookingsPage,
  OperatorHome,
  OperatorSettingsPage,
  PaymentPage,
  PriceSuggestionsPage,
  RecentTrends,
  RegisterPage,
  ResetPasswordPage,
  RevenuePage,
  SystemStatusPage,
  VerifyEmailPage,
  WaitlistPage,
  PassesPage,
  SeriesCheckoutPage,
  SeriesPage,
} from './lazy-pages';
import { NotFoundPage, RouteErrorPage } from './routes/status-pages';

/** What a booking or a payment changes in the operator section: invalidated on every feed event. */
const OPERATOR_LIVE_QUERIES = [dashboardKeys.summary, analyticsKeys.all, operatorBookingKeys.all];

/**
 * What the platform's revenue_updated makes stale: every investor figure (the overview shown
 * refetches at once; the other pages when next opened), never sooner than the feed's own interval.
 */
const PLATFORM_LIVE_QUERIES = [investorKeys.all];

const routes: RouteObject[] = [
  {
    element: <RootFrame />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          {
            element: <PublicLayout />,
            children: [
              { path: 'login', element: <LoginPage /> },
              { path: 'register', element: <RegisterPage /> },
            ],
          },
        ],
      },
      // The open marketplace: anyone searches and reads; an account is asked for at "Book".
      {
        element: <OpenToEveryone />,
        children: [
          {
            index: true,
            element: (
              <MarketplaceHome>
                <MarketplaceLandingPage />
              </MarketplaceHome>
            ),
          },
          { path: 'search', element: <MarketplacePage /> },
          { path: 'facilities/:facilityId', element: <FacilityPage /> },
        ],
      },
      {
        path: 'driver',
        children: [
          // Where the marketplace was before it opened to everyone: old links still land.
          { index: true, element: <MovedTo to={(_, query) => (query.toString() ? '/search' : '/')} /> },
          { path: 'facilities/:facilityId', element: <MovedTo to={(params) => `/facilities/${params['facilityId'] ?? ''}`} /> },
          {
            element: <RequireSession />,
            children: [
              { path: 'checkout', element: <RoleSection role="driver" render={() => <CheckoutPage />} /> },
              { path: 'checkout/:bookingId', element: <RoleSection role="driver" render={() => <PaymentPage />} /> },
              { path: 'checkout/:bookingId/extension', element: <RoleSection role="driver" render={() => <ExtensionPaymentPage />} /> },
              { path: 'bookings', element: <RoleSection role="driver" render={() => <MyBookingsPage />} /> },
              { path: 'bookings/:bookingId', element: <RoleSection role="driver" render={() => <BookingDetailPage />} /> },
              { path: 'bookings/:bookingId/confirmation', element: <RoleSection role="driver" render={() => <ConfirmationPage />} /> },
              { path: 'waitlist', element: <RoleSection role="driver" render={() => <WaitlistPage />} /> },
              { path: 'passes', element: <RoleSection role="driver" render={() => <PassesPage />} /> },
              { path: 'series/new', element: <RoleSection role="driver" render={() => <SeriesCheckoutPage />} /> },
              { path: 'series/:seriesId', element: <RoleSection role="driver" render={() => <SeriesPage />} /> },
            ],
          },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            path: 'operator',
            // One /ws/operator socket for every operator page, so the live feed survives navigation.
            element: (
              <RoleSection
                role="operator"
                render={() => (
                  <OperatorFeedProvider staleOnChange={OPERATOR_LIVE_QUERIES}>
                    <Outlet />
                  </OperatorFeedProvider>
                )}
              />
            ),
            children: [
              { index: true, element: <OperatorHome trends={<RecentTrends />} /> },
              { path: 'onboarding', element: <OnboardingPage /> },
              { path: 'facilities', element: <FacilitiesPage /> },
              { path: 'facilities/new', element: <NewFacilityPage /> },
              { path: 'facilities/:facilityId', element: <FacilityDetailPage /> },
              { path: 'facilities/:facilityId/edit', element: <FacilityEditPage /> },
              { path: 'facilities/:facilityId/pricing', element: <PriceSuggestionsPage /> },
              { path: 'bookings', element: <OperatorBookingsPage /> },
              { path: 'bookings/:bookingId', element: <OperatorBookingPage /> },
              { path: 'revenue', element: <RevenuePage /> },
              { path: 'occupancy', element: <OccupancyPage /> },
              { path: 'settings', element: <OperatorSettingsPage /> },
            ],
          },
          {
            path: 'investor',
            // Investors and admins (SECTION_GUESTS); one /ws/investor socket for all four pages.
            element: (
              <RoleSection
                role="investor"
                render={() => (
                  <PlatformFeedProvider staleOnChange={PLATFORM_LIVE_QUERIES}>
                    <Outlet />
                  </PlatformFeedProvider>
                )}
              />
            ),
            children: [
              { index: true, element: <RoleSection role="investor" render={(user) => <InvestorOverviewPage user={user} />} /> },
              { path: 'revenue', element: <RoleSection role="investor" render={(user) => <InvestorRevenuePage user={user} />} /> },
              { path: 'growth', element: <RoleSection role="investor" render={(user) => <InvestorGrowthPage user={user} />} /> },
              { path: 'market', element: <RoleSection role="investor" render={(user) => <InvestorMarketPage user={user} />} /> },
            ],
          },
          {
            path: 'admin',
            children: [
              { index: true, element: <RoleSection role="admin" render={(user) => <SystemStatusPage user={user} spaRouteCount={countPages(routes)} />} /> },
              { path: 'mailbox', element: <RoleSection role="admin" render={() => <MailboxPage />} /> },
              { path: 'mailbox/:messageId', element: <RoleSection role="admin" render={() => <MailboxMessagePage />} /> },
              { path: 'operators', element: <RoleSection role="admin" render={() => <OperatorApplicationsPage />} /> },
              { path: 'accounts', element: <RoleSection role="admin" render={(user) => <AccountsPage user={user} />} /> },
            ],
          },
          { path: 'account', element: <AccountPage /> },
        ],
      },
      // Outside PublicOnly: the emailed link must work in a tab where someone is signed in, too.
      {
        element: <PublicLayout />,
        children: [
          { path: VERIFY_EMAIL_PATH.slice(1), element: <VerifyEmailPage /> },
          { path: INVITATION_PATH.slice(1), element: <InvitationPage /> },
          { path: FORGOT_PASSWORD_PATH.slice(1), element: <ForgotPasswordPage /> },
          { path: RESET_PASSWORD_PATH.slice(1), element: <ResetPasswordPage /> },
        ],
      },
      { path: 'home', element: <Navigate to="/" replace /> },
      { element: <PublicLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
];

/** The pages a person can open: routes with a path or an index and no children, less the catch-all and redirects. */
function countPages(list: readonly RouteObject[]): number {
  return list.reduce((count, route) => {
    if (route.children) return count + countPages(route.children);
    const redirect = isValidElement(route.element) && (route.element.type === Navigate || route.element.type === MovedTo);
    const page = (route.index || (route.path !== undefined && route.path !== '*')) && !redirect;
    return count + (page ? 1 : 0);
  }, 0);
}

export const router = createBrowserRouter(routes);
