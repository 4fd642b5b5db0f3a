import { HttpException, HttpStatus, Injectable, Logger, type ExecutionContext, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type Resolvable,
  type ThrottlerOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_KEY_HEADER } from '@aiparksit/shared';
import { RouteMetadata, type RouteHandler } from '../access/index.js';
import { ApiKeysService } from '../api-keys/index.js';
import { TelemetryRegistry } from '../telemetry/counters/index.js';
import { AUTH_RATE_LIMITED } from './auth-rate-limit.decorator.js';
import { storageKeyFor, trackerFor, type RateLimitedRequest, type RateLimitTier } from './rate-limit-tiers.js';

/** The metadata keys `@SkipThrottle()` and `@Throttle()` set, suffixed by the tier's name (@nestjs/throttler's, not exported by it). */
const THROTTLER_SKIP = 'THROTTLER:SKIP';
const THROTTLER_LIMIT = 'THROTTLER:LIMIT';
const THROTTLER_TTL = 'THROTTLER:TTL';
const THROTTLER_BLOCK_DURATION = 'THROTTLER:BLOCK_DURATION';

/**
 * The throttler with this API's choices: which tiers apply to a request and whom they count
 * (see `trackerFor`), one budget per client across routes, and a 429 in the error envelope with
 * a plain `Retry-After` header (the stock guard only sets `Retry-After-<tier>` for named tiers).
 * HTTP only: WebSocket messages are not counted here.
 */
/** One tier as a route applies it; limits resolved once, unless a route sets them per request. */
interface TierPlan {
  tier: RateLimitTier;
  throttler: ThrottlerOptions;
  limit: Resolvable<number>;
  ttl: Resolvable<number>;
  blockDuration: Resolvable<number> | undefined;
  /** Lowercase header names, made once: `X-RateLimit-Limit-short` and the like. */
  headers: { limit: string; remaining: string; reset: string; retryAfter: string };
}

/** What the throttler would read from a route's metadata on every request, read once per route. */
interface RoutePlan {
  skip: boolean;
  authRoute: boolean;
  tiers: TierPlan[];
}

/**
 * The throttler with this API's choices: which tiers apply to a request and whom they count
 * (see `trackerFor`), one budget per client across routes, and a 429 in the error envelope with
 * a plain `Retry-After` header (the stock guard only sets `Retry-After-<tier>` for named tiers).
 * HTTP only: WebSocket messages are not counted here.
 *
 * It does what the stock guard's `canActivate` does (per-tier skip and limit/ttl overrides from
 * `@SkipThrottle`/`@Throttle`, `skipIf`, `ignoreUserAgents`, the same storage calls and headers),
 * but reads each route's metadata once instead of five keys per tier on every request.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly log = new Logger('RateLimit');
  private readonly plans: RouteMetadata<RoutePlan>;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly telemetry: TelemetryRegistry,
  ) {
    super(options, storage, reflector);
    this.plans = new RouteMetadata((handler, classRef) => this.planFor([handler, classRef]));
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const plan = this.plans.of(context);
    if (plan.skip) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const client: RateLimitedRequest = {
      // request.ip honours X-Forwarded-For only from proxies trusted by TRUST_PROXY.
      address: normalizeIp(request.ip, this.ipv6SubnetPrefix),
      verifiedApiKey: await this.verifiedApiKey(request),
      authRoute: plan.authRoute,
    };
    for (const tier of plan.tiers) {
      const skipIf = tier.throttler.skipIf ?? this.commonOptions.skipIf;
      if (skipIf?.(context)) continue;
      const ignoreUserAgents = tier.throttler.ignoreUserAgents ?? this.commonOptions.ignoreUserAgents;
      const userAgent = request.headers['user-agent'];
      if (ignoreUserAgents && userAgent !== undefined && ignoreUserAgents.some((pattern) => pattern.test(userAgent))) continue;
      const tracker = trackerFor(tier.tier, client);
      if (tracker === undefined) continue;
      await this.count(context, reply, tier, tracker);
    }
    return true;
  }

  private async count(context: ExecutionContext, reply: FastifyReply, tier: TierPlan, tracker: string): Promise<void> {
    const limit = await this.resolved(context, tier.limit, 'limit', tier.tier);
    const ttl = await this.resolved(context, tier.ttl, 'ttl', tier.tier);
    const blockDuration = tier.blockDuration === undefined ? ttl : await this.resolved(context, tier.blockDuration, 'blockDuration', tier.tier);
    const key = storageKeyFor(tier.tier, tracker);
    const record = await this.storageService.increment(key, ttl, limit, blockDuration, tier.tier);
    const setHeaders = tier.throttler.setHeaders ?? this.commonOptions.setHeaders ?? true;
    if (record.isBlocked) {
      if (setHeaders) void reply.header(tier.headers.retryAfter, record.timeToBlockExpire);
      await this.throwThrottlingException(context, { limit, ttl, key, tracker, ...record });
    }
    if (setHeaders) {
      void reply.header(tier.headers.limit, limit);
      void reply.header(tier.headers.remaining, Math.max(0, limit - record.totalHits));
      void reply.header(tier.headers.reset, record.timeToExpire);
    }
  }

  private planFor(targets: [RouteHandler, Type]): RoutePlan {
    const read = <T>(key: string) => this.reflector.getAllAndOverride<T | undefined>(key, targets);
    // `@SkipThrottle()` without arguments marks the throttler named "default". This API has named
    // tiers only, so that mark means "no tier at all" here (health and monitoring routes).
    if (read<boolean>(THROTTLER_SKIP + 'default') === true) return { skip: true, authRoute: false, tiers: [] };
    const tiers: TierPlan[] = [];
    for (const throttler of this.throttlers) {
      const name = throttler.name ?? 'default';
      if (read<boolean>(THROTTLER_SKIP + name)) continue;
      tiers.push({
        tier: name as RateLimitTier,
        throttler,
        limit: read<Resolvable<number>>(THROTTLER_LIMIT + name) ?? throttler.limit,
        ttl: read<Resolvable<number>>(THROTTLER_TTL + name) ?? throttler.ttl,
        blockDuration: read<Resolvable<number>>(THROTTLER_BLOCK_DURATION + name) ?? throttler.blockDuration,
        headers: {
          limit: `x-ratelimit-limit-${name}`,
          remaining: `x-ratelimit-remaining-${name}`,
          reset: `x-ratelimit-reset-${name}`,
          retryAfter: `retry-after-${name}`,
        },
      });
    }
    return { skip: false, authRoute: read<boolean>(AUTH_RATE_LIMITED) === true, tiers };
  }

  private async resolved(context: ExecutionContext, value: Resolvable<number>, option: string, tier: string): Promise<number> {
    const resolved: unknown = typeof value === 'function' ? await value(context) : value;
    const number = typeof resolved === 'string' && resolved.trim() !== '' ? Number(resolved) : resolved;
    if (typeof number !== 'number' || Number.isNaN(number))
      throw new Error(`Invalid "${option}" for the "${tier}" rate-limit tier: ${JSON.stringify(resolved)}.`);
    return number;
  }

  /** The X-API-Key header when it names a usable key; anything else is counted by address. */
  private async verifiedApiKey(request: FastifyRequest): Promise<string | undefined> {
    const header = request.headers[API_KEY_HEADER];
    if (typeof header !== 'string' || header === '') return undefined;
    try {
      // The same check authentication makes next: done once, for both.
      return (await this.apiKeys.authenticateOnce(request, header)) ? header : undefined;
    } catch (error) {
      // Without the database the key cannot be checked: count by address rather than fail here.
      this.log.warn(`API key check failed, counting by address: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    this.telemetry.rateLimited();
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfterSeconds));
    // The error filter turns retryAfterSeconds into the Retry-After header of the envelope too.
    throw new HttpException(
      {
        message: `Too many requests. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
        retryAfterSeconds,
        details: { code: 'rate_limited', retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
