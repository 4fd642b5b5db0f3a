export { OperatorHome } from './components/operator-home';
export { dashboardKeys, useDashboard } from './api/dashboard';
