import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@aiparksit/shared';
import { AuthException } from './auth.exception.js';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal, ROLES_KEY, RouteMetadata } from '../access/index.js';

/**
 * Global, after authentication: a route with `@Roles(...)` admits users with one of those roles.
 * API keys have scopes, not roles; the authentication guard already held them to the route's
 * `@AllowApiKey` scope, so they are not judged by role here.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly routes: RouteMetadata<Role[] | undefined>;

  constructor(reflector: Reflector) {
    this.routes = new RouteMetadata((handler, classRef) => reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, classRef]));
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.routes.of(context);
    if (!roles?.length) return true;
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_REQUEST_KEY];
    if (!principal) throw new AuthException('invalid_token', 'Sign in first: send Authorization: Bearer <access token>.');
    if (principal.kind === 'api_key') return true;
    if (!roles.includes(principal.role)) throw new AuthException('insufficient_role', 'Your account may not do this.', { requiredRoles: roles });
    return true;
  }
}
