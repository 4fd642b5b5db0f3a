export { OnboardingPage } from './components/onboarding-page';
export { applicationOptions, changePayoutAccount, useApplication, useOnboardingStep } from './api/onboarding';
export { PayoutAccountPanel } from './components/payout-account-panel';
