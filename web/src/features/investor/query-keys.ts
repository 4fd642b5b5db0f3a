// The feature's query keys alone, for the app shell: its index would load the feature's pages with them.
export { investorKeys } from './api/metrics';
