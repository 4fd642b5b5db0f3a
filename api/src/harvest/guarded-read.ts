import { normalizeIp } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/index.js';
import type { HarvestedRead } from './harvest-reads.js';
import type { GuardedRead } from './harvest.service.js';

/** As the rate limiter: an IPv6 client usually holds a whole /64. */
const IPV6_SUBNET_PREFIX = 64;

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/** What the harvest rules need of a Fastify request, once authentication has run. */
export function guardedReadOf(request: FastifyRequest & { principal?: Principal }, read: HarvestedRead): GuardedRead {
  const principal = request.principal;
  return {
    read,
    route: request.routeOptions.url ?? request.url,
    params: request.params as Record<string, unknown> | undefined,
    query: request.query as Record<string, unknown> | undefined,
    principal:
      principal?.kind === 'user'
        ? { kind: 'user', userId: principal.userId, role: principal.role }
        : principal
          ? { kind: 'api_key', keyId: principal.keyId }
          : undefined,
    // request.ip honours X-Forwarded-For only from proxies trusted by TRUST_PROXY.
    address: normalizeIp(request.ip, IPV6_SUBNET_PREFIX),
    userAgent: headerText(request.headers['user-agent']),
    acceptLanguage: headerText(request.headers['accept-language']),
  };
}
