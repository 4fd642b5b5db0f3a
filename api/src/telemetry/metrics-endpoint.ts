import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/index.js';
import { ErrorLog, NO_ROUTE_MESSAGE, sendError } from '../common/errors/index.js';
import { TelemetryRegistry } from './counters/index.js';
import { TelemetryException } from './telemetry.exception.js';

export const METRICS_PATH = '/metrics';

/** Loopback, RFC 1918, link-local, and IPv6 unique-local (RFC 4193) and link-local. */
const PRIVATE_ADDRESSES = (() => {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addSubnet('10.0.0.0', 8, 'ipv4');
  list.addSubnet('172.16.0.0', 12, 'ipv4');
  list.addSubnet('192.168.0.0', 16, 'ipv4');
  list.addSubnet('169.254.0.0', 16, 'ipv4');
  list.addAddress('::1', 'ipv6');
  list.addSubnet('fc00::', 7, 'ipv6');
  list.addSubnet('fe80::', 10, 'ipv6');
  return list;
})();

export function isPrivateAddress(address: string): boolean {
  const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  try {
    return PRIVATE_ADDRESSES.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics in the Prometheus text format, outside the /api prefix (registered on Fastify,
 * not a Nest route, so no guard or throttler counts the scraper). With METRICS_TOKEN set it asks
 * for `Authorization: Bearer <token>` (401 otherwise); without one it answers loopback and
 * private client addresses when METRICS_ALLOW_PRIVATE, and is a 404 to everyone else. The
 * address is `request.ip`, which believes X-Forwarded-For only from proxies TRUST_PROXY names.
 */
@Injectable()
export class MetricsEndpoint {
  private readonly tokenDigest: Buffer | undefined;

  constructor(
    private readonly telemetry: TelemetryRegistry,
    private readonly config: AppConfig,
    private readonly errorLog: ErrorLog,
  ) {
    const token = config.values.metricsToken;
    this.tokenDigest = token ? digest(token) : undefined;
  }

  install(fastify: FastifyInstance): void {
    fastify.get(METRICS_PATH, (request, reply) => this.answer(request, reply));
  }

  private async answer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const refusal = this.refusalOf(request);
    if (refusal) {
      // RFC 6750 §3: a 401 names the scheme it wants.
      if (refusal instanceof TelemetryException) reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendError(refusal, request, reply, this.errorLog);
    }
    const text = await this.telemetry.registry.metrics();
    await reply.header('cache-control', 'no-store').type(this.telemetry.registry.contentType).send(text);
  }

  private refusalOf(request: FastifyRequest): TelemetryException | NotFoundException | undefined {
    if (this.tokenDigest) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      // Digests of equal length, so the comparison takes the same time whatever was sent.
      if (match && timingSafeEqual(digest(match[1]!), this.tokenDigest)) return undefined;
      return new TelemetryException('metrics_token_required', 'GET /metrics needs the metrics token: send Authorization: Bearer <METRICS_TOKEN>.');
    }
    if (this.config.values.metricsAllowPrivate && isPrivateAddress(request.ip)) return undefined;
    // The same answer as any path nothing serves: a stranger learns nothing from it.
    return new NotFoundException(NO_ROUTE_MESSAGE);
  }
}
