/**
 * Admin account management (`/api/admin/accounts`) and invitations (`POST /api/auth/invitations/accept`).
 * Nothing else calls into it: other modules see its effects in `users` (disabled_at, password_hash).
 */
export { AccountsModule } from './accounts.module.js';
