/** The status page's quick actions (POST /api/system/actions/:name) and the audit list (GET /api/system/audit). */
export { AdminActionsModule } from './admin-actions.module.js';
