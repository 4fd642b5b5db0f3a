export { OnboardingPage } from './components/onboarding-page';
export { applicationOptions, useApplication } from './api/onboarding';
