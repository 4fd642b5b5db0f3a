import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/index.js';
import { HARVEST_PROTECTED } from './harvest-protected.decorator.js';
import type { HarvestedRead } from './harvest-reads.js';
import { HarvestService } from './harvest.service.js';

/** As the rate limiter: an IPv6 client usually holds a whole /64. */
const IPV6_SUBNET_PREFIX = 64;

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/**
 * Global, on routes marked `@HarvestProtected()`. It runs after the rate limiter and after
 * authentication (its module is imported after theirs), because it counts signed-in people per
 * account and integrators per key, which only authentication knows.
 */
@Injectable()
export class HarvestGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly harvest: HarvestService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const read = this.reflector.getAllAndOverride<HarvestedRead | undefined>(HARVEST_PROTECTED, [context.getHandler(), context.getClass()]);
    if (!read) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = request.principal;
    await this.harvest.admit(
      {
        read,
        route: request.routeOptions.url ?? request.url,
        params: request.params as Record<string, unknown> | undefined,
        query: request.query as Record<string, unknown> | undefined,
        principal: principal?.kind === 'user' ? { kind: 'user', userId: principal.userId, role: principal.role } : principal ? { kind: 'api_key', keyId: principal.keyId } : undefined,
        // request.ip honours X-Forwarded-For only from proxies trusted by TRUST_PROXY.
        address: normalizeIp(request.ip, IPV6_SUBNET_PREFIX),
        userAgent: headerText(request.headers['user-agent']),
        acceptLanguage: headerText(request.headers['accept-language']),
      },
      request.log,
    );
    return true;
  }
}
