export { AccountsPage } from './components/accounts-page';
export { accountKeys } from './api/accounts';
