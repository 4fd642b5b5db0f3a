/** The operator's dashboard summary, kept current by the operator feed; read by the home and facility pages. */
export { dashboardKeys, dashboardOptions, getDashboard, useDashboard } from './dashboard';
