/** Monthly emailed reports (`/api/reports/subscriptions`); see README.md. */
export { ReportSubscriptionsModule } from './report-subscriptions.module.js';
