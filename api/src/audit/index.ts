/** The admins' audit log (`admin_audit`): quick actions and account changes record here. */
export { AuditModule } from './audit.module.js';
export { AuditLog, type AuditRecordInput, type AuditListInput } from './audit-log.service.js';
