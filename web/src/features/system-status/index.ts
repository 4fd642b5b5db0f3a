export { SystemStatusPage } from './components/system-status-page';
export { systemStatusKeys } from './api/system-status';
