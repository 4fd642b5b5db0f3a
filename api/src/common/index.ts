/**
 * common/ holds infrastructure every domain module uses. Each sub-folder (errors, http,
 * idempotency) is a module of its own with its index.ts; this file surfaces the files at the top.
 */
export { CommonModule } from './common.module.js';
export { APP_VERSION, STARTED_AT } from './version.js';
