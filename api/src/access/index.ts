/**
 * Who is calling and what they may do, for every module: the principal the authentication guard
 * sets, `@CurrentPrincipal()`, `@Roles()`, `@AllowApiKey()`, the per-object access policy, and the
 * primitives credentials are made of. It depends on no domain module, so users, api-keys and auth
 * itself can all use it without a cycle.
 */
export { type Principal, type UserPrincipal, type ApiKeyPrincipal, actorIdOf, PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from './principal.js';
export { CurrentPrincipal, requireUser } from './current-principal.decorator.js';
export { Roles, ROLES_KEY } from './roles.decorator.js';
export { AllowApiKey, API_KEY_SCOPE_KEY } from './allow-api-key.decorator.js';
export { mayAccess, requireAccess, ownerFilterFor } from './access-policy.js';
export { hashPassword, verifyPassword } from './password-hasher.js';
export { randomSecret, sha256 } from './opaque-token.js';
export { AccessException, type AccessErrorCode } from './access.exception.js';
export { passwordWeakness } from './password-strength.js';
export { RouteMetadata, type RouteHandler } from './route-metadata.js';
