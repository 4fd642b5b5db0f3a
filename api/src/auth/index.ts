/** The auth module's public surface: what other modules use to know and check the caller. */
export { AuthModule } from './auth.module.js';
export { AuthService } from './auth.service.js';
export { AuthException, type AuthErrorCode } from './auth.exception.js';
export { type Principal, type UserPrincipal, type ApiKeyPrincipal, actorIdOf } from './principal.js';
export { CurrentPrincipal, requireUser } from './current-principal.decorator.js';
export { Roles } from './roles.decorator.js';
export { AllowApiKey } from './allow-api-key.decorator.js';
export { mayAccess, requireAccess, ownerFilterFor } from './access-policy.js';
export { hashPassword, verifyPassword } from './password-hasher.js';
