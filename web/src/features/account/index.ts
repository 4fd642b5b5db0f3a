export { AccountPage } from './components/account-page';
export { useMe, meQueryOptions, getMe } from './api/me';
