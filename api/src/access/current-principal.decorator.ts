import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AccessException } from './access.exception.js';
import { PRINCIPAL_REQUEST_KEY, type Principal, type RequestWithPrincipal } from './principal.js';

/**
 * The caller as the authentication guard established it. On a private route it is always set;
 * on a `@Public()` route it is the principal when valid credentials came along, else undefined.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_REQUEST_KEY];
});

/** Narrows to a signed-in user for services that never serve API keys. */
export function requireUser(principal: Principal | undefined): Extract<Principal, { kind: 'user' }> {
  if (principal?.kind !== 'user') throw new AccessException('api_key_not_allowed', 'This action needs a signed-in user.');
  return principal;
}
