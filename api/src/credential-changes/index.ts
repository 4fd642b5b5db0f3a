/**
 * Credentials cached per instance (live sessions, usable API keys) and the listener that makes
 * every instance forget an account whose credentials changed. Apart from access/ because it needs
 * the database, which access/ (imported by tests and the SPA's test support) must not pull in.
 */
export { CredentialChangesModule } from './credential-changes.module.js';
export { CredentialChanges } from './credential-changes.js';
export type { CredentialCache } from './credential-cache.js';
