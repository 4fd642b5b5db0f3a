import { HttpException, HttpStatus, Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_KEY_HEADER } from '@aiparksit/shared';
import { ApiKeysService } from '../api-keys/index.js';
import { TelemetryRegistry } from '../telemetry/counters/index.js';
import { AUTH_RATE_LIMITED } from './auth-rate-limit.decorator.js';
import { storageKeyFor, trackerFor, type RateLimitTier } from './rate-limit-tiers.js';

/**
 * `@SkipThrottle()` without arguments marks the throttler named "default". This API has named
 * tiers only, so that mark means "no tier at all" here (health and monitoring routes).
 */
const SKIP_EVERY_TIER = 'THROTTLER:SKIP' + 'default';

/**
 * The throttler with this API's choices: which tiers apply to a request and whom they count
 * (see `trackerFor`), one budget per client across routes, and a 429 in the error envelope with
 * a plain `Retry-After` header (the stock guard only sets `Retry-After-<tier>` for named tiers).
 * HTTP only: WebSocket messages are not counted here.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** The key check of each request, made once although every tier asks. */
  private readonly verifiedKeys = new WeakMap<FastifyRequest, Promise<string | undefined>>();
  private readonly log = new Logger('RateLimit');

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly telemetry: TelemetryRegistry,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return this.reflector.getAllAndOverride<boolean | undefined>(SKIP_EVERY_TIER, [context.getHandler(), context.getClass()]) === true;
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const request = props.context.switchToHttp().getRequest<FastifyRequest>();
    const authRoute = this.reflector.getAllAndOverride<boolean | undefined>(AUTH_RATE_LIMITED, [props.context.getHandler(), props.context.getClass()]) === true;
    const tracker = trackerFor(props.throttler.name as RateLimitTier, {
      // request.ip honours X-Forwarded-For only from proxies trusted by TRUST_PROXY.
      address: normalizeIp(request.ip, this.ipv6SubnetPrefix),
      verifiedApiKey: await this.verifiedApiKey(request),
      authRoute,
    });
    if (tracker === undefined) return true;
    return super.handleRequest({
      ...props,
      getTracker: () => tracker,
      generateKey: (_context, trackerString, tier) => storageKeyFor(tier as RateLimitTier, trackerString),
    });
  }

  /** The X-API-Key header when it names a usable key; anything else is counted by address. */
  private verifiedApiKey(request: FastifyRequest): Promise<string | undefined> {
    let verified = this.verifiedKeys.get(request);
    if (!verified) {
      const header = request.headers[API_KEY_HEADER];
      verified =
        typeof header === 'string' && header !== ''
          ? this.apiKeys.authenticate(header).then(
              (principal) => (principal ? header : undefined),
              (error: unknown) => {
                // Without the database the key cannot be checked: count by address rather than fail here.
                this.log.warn(`API key check failed, counting by address: ${error instanceof Error ? error.message : String(error)}`);
                return undefined;
              },
            )
          : Promise.resolve(undefined);
      this.verifiedKeys.set(request, verified);
    }
    return verified;
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
