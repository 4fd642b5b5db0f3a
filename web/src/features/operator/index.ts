export { OperatorHome } from './components/operator-home';
export { dashboardKeys, useDashboard } from './api/dashboard';
export { useLiveDashboard } from './api/live-dashboard';
