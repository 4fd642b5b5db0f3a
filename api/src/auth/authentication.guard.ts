import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { API_KEY_HEADER, type ApiKeyScope } from '@aiparksit/shared';
import { ApiKeysService } from '../api-keys/index.js';
import { IS_PUBLIC } from '../common/http/index.js';
import { API_KEY_SCOPE_KEY, PRINCIPAL_REQUEST_KEY, RouteMetadata, type Principal, type RequestWithPrincipal } from '../access/index.js';
import { AuthException } from './auth.exception.js';
import { AuthService } from './auth.service.js';

const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i;

/**
 * Global: every route is private unless `@Public()`. A Bearer access token authenticates a user;
 * `X-API-Key` authenticates an integrator, but only on routes marked `@AllowApiKey(scope)`.
 * On public routes credentials are optional: valid ones set the principal, others are ignored.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly routes: RouteMetadata<{ isPublic: boolean; apiKeyScope: ApiKeyScope | undefined }>;

  constructor(
    reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
  ) {
    this.routes = new RouteMetadata((handler, classRef) => ({
      isPublic: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [handler, classRef]) === true,
      apiKeyScope: reflector.getAllAndOverride<ApiKeyScope | undefined>(API_KEY_SCOPE_KEY, [handler, classRef]),
    }));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // WebSocket gateways authenticate their own handshake (a socket has no per-message headers).
    if (context.getType() !== 'http') return true;
    const { isPublic, apiKeyScope } = this.routes.of(context);
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const authorization = request.headers.authorization;
    const apiKey = request.headers[API_KEY_HEADER];

    let principal: Principal | undefined;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      principal = token ? await this.auth.principalForAccessToken(token) : undefined;
      if (!principal && !isPublic) throw new AuthException('invalid_token', 'The access token is missing, malformed, expired or revoked. Sign in again.');
    } else if (apiKey !== undefined) {
      // The rate limiter checked the key already: authenticateOnce gives its answer again.
      principal = typeof apiKey === 'string' ? await this.apiKeys.authenticateOnce(request, apiKey) : undefined;
      if (!principal && !isPublic) throw new AuthException('invalid_api_key', 'The API key is not valid or has been revoked.');
      if (principal && !isPublic) this.checkKeyMayCallRoute(principal.scopes, apiKeyScope);
    } else if (!isPublic) {
      throw new AuthException('invalid_token', 'Sign in first: send Authorization: Bearer <access token>.');
    }

    if (principal) request[PRINCIPAL_REQUEST_KEY] = principal;
    return true;
  }

  private checkKeyMayCallRoute(keyScopes: ApiKeyScope[], routeScope: ApiKeyScope | undefined): void {
    if (!routeScope) throw new AuthException('api_key_not_allowed', 'API keys cannot call this route; sign in as a user.');
    if (!keyScopes.includes(routeScope))
      throw new AuthException('insufficient_scope', `This API key lacks the scope ${routeScope}.`, { requiredScope: routeScope });
  }
}
