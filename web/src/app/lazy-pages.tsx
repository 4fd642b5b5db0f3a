import { Suspense, lazy, type ComponentType } from 'react';
import { LoadingState } from '../components/status';

/**
 * The pages, each section in its own chunk: a visitor on the sign-in page downloads neither the
 * map (leaflet) nor the charts (chart.js), and an operator never downloads the investor portal.
 * The router names these exactly as it would the features' own exports; a page shows a loading
 * state while its chunk arrives (a failed download reaches the route's error page).
 */
function page<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function Page(props: Props) {
    return (
      <Suspense fallback={<LoadingState />}>
        <Lazy {...(props as Props & React.JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  return Page;
}

// Sign-in and registration
export const LoginPage = page(() => import('../features/auth').then((m) => m.LoginPage));
export const RegisterPage = page(() => import('../features/auth').then((m) => m.RegisterPage));
export const VerifyEmailPage = page(() => import('../features/auth').then((m) => m.VerifyEmailPage));
export const InvitationPage = page(() => import('../features/auth').then((m) => m.InvitationPage));
export const ForgotPasswordPage = page(() => import('../features/auth').then((m) => m.ForgotPasswordPage));
export const ResetPasswordPage = page(() => import('../features/auth').then((m) => m.ResetPasswordPage));

// The open marketplace (everyone), then the driver's checkout and bookings
export const MarketplaceLandingPage = page(() => import('../features/marketplace').then((m) => m.MarketplaceLandingPage));
export const MarketplacePage = page(() => import('../features/marketplace').then((m) => m.MarketplacePage));
export const FacilityPage = page(() => import('../features/facilities').then((m) => m.FacilityPage));
export const CheckoutPage = page(() => import('../features/checkout').then((m) => m.CheckoutPage));
export const PaymentPage = page(() => import('../features/checkout').then((m) => m.PaymentPage));
export const ExtensionPaymentPage = page(() => import('../features/checkout').then((m) => m.ExtensionPaymentPage));
export const MyBookingsPage = page(() => import('../features/bookings').then((m) => m.MyBookingsPage));
export const BookingDetailPage = page(() => import('../features/bookings').then((m) => m.BookingDetailPage));
export const ConfirmationPage = page(() => import('../features/bookings').then((m) => m.ConfirmationPage));
export const WaitlistPage = page(() => import('../features/waitlist').then((m) => m.WaitlistPage));
export const PassesPage = page(() => import('../features/passes').then((m) => m.PassesPage));
export const SeriesCheckoutPage = page(() => import('../features/booking-series').then((m) => m.SeriesCheckoutPage));
export const SeriesPage = page(() => import('../features/booking-series').then((m) => m.SeriesPage));

// Operators
export const OperatorHome = page(() => import('../features/operator').then((m) => m.OperatorHome));
export const OnboardingPage = page(() => import('../features/onboarding').then((m) => m.OnboardingPage));
export const FacilitiesPage = page(() => import('../features/operator-facilities').then((m) => m.FacilitiesPage));
export const NewFacilityPage = page(() => import('../features/operator-facilities').then((m) => m.NewFacilityPage));
export const FacilityDetailPage = page(() => import('../features/operator-facilities').then((m) => m.FacilityDetailPage));
export const PriceSuggestionsPage = page(() => import('../features/price-suggestions').then((m) => m.PriceSuggestionsPage));
export const FacilityEditPage = page(() => import('../features/operator-facilities').then((m) => m.FacilityEditPage));
export const OperatorBookingsPage = page(() => import('../features/operator-bookings').then((m) => m.OperatorBookingsPage));
export const OperatorBookingPage = page(() => import('../features/operator-bookings').then((m) => m.OperatorBookingPage));
export const RevenuePage = page(() => import('../features/analytics').then((m) => m.RevenuePage));
export const OccupancyPage = page(() => import('../features/analytics').then((m) => m.OccupancyPage));
export const RecentTrends = page(() => import('../features/analytics').then((m) => m.RecentTrends));
export const OperatorSettingsPage = page(() => import('./routes/operator-settings-page').then((m) => m.OperatorSettingsPage));

// Investors
export const InvestorOverviewPage = page(() => import('../features/investor').then((m) => m.InvestorOverviewPage));
export const InvestorRevenuePage = page(() => import('../features/investor').then((m) => m.InvestorRevenuePage));
export const InvestorGrowthPage = page(() => import('../features/investor').then((m) => m.InvestorGrowthPage));
export const InvestorMarketPage = page(() => import('../features/investor').then((m) => m.InvestorMarketPage));

// Admins, and everyone's account page
export const SystemStatusPage = page(() => import('../features/system-status').then((m) => m.SystemStatusPage));
export const MailboxPage = page(() => import('../features/mailbox').then((m) => m.MailboxPage));
export const MailboxMessagePage = page(() => import('../features/mailbox').then((m) => m.MailboxMessagePage));
export const OperatorApplicationsPage = page(() => import('../features/admin-operators').then((m) => m.OperatorApplicationsPage));
export const AccountsPage = page(() => import('../features/admin-accounts').then((m) => m.AccountsPage));
export const AccountPage = page(() => import('../features/account').then((m) => m.AccountPage));
