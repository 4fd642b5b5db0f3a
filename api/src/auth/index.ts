/** The auth module's public surface: sign-in, tokens and sessions. Who is calling and what they may do is in access/. */
export { AuthModule } from './auth.module.js';
export { AuthService, type ClientInfo } from './auth.service.js';
export { AuthException, type AuthErrorCode } from './auth.exception.js';
