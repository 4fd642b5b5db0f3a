export { OnboardingPage } from './components/onboarding-page';
export { applicationOptions, changePayoutAccount, useApplication, useOnboardingStep } from './api/onboarding';
export { PayoutAccountFields, readPayoutAccount } from './components/payout-account-fields';
