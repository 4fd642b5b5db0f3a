import { createHash } from 'node:crypto';
import type { AppConfigValues } from '../config/index.js';

/** The named tiers; their names also end the `X-RateLimit-*-<tier>` response headers. */
export const RateLimitTier = {
  /** A short burst window, for every client. */
  short: 'short',
  /** A sustained window for anonymous and signed-in clients, counted per client address. */
  long: 'long',
  /** Login and registration, per client address: stricter, against credential stuffing. */
  auth: 'auth',
  /** The sustained window of integrators, counted per API key instead of per address. */
  apiKey: 'api-key',
} as const;
export type RateLimitTier = (typeof RateLimitTier)[keyof typeof RateLimitTier];

export interface TierLimit {
  name: RateLimitTier;
  ttl: number;
  limit: number;
}

/** The tiers with their limits from configuration (windows in milliseconds, as the throttler takes them). */
type ThrottleSettings = Pick<
  AppConfigValues,
  | 'throttleShortTtlMs'
  | 'throttleShortLimit'
  | 'throttleLongTtlMs'
  | 'throttleLongLimit'
  | 'throttleAuthTtlMs'
  | 'throttleAuthLimit'
  | 'throttleApiKeyTtlMs'
  | 'throttleApiKeyLimit'
>;

export function tierLimitsFromConfig(values: ThrottleSettings): TierLimit[] {
  return [
    { name: RateLimitTier.short, ttl: values.throttleShortTtlMs, limit: values.throttleShortLimit },
    { name: RateLimitTier.long, ttl: values.throttleLongTtlMs, limit: values.throttleLongLimit },
    { name: RateLimitTier.auth, ttl: values.throttleAuthTtlMs, limit: values.throttleAuthLimit },
    { name: RateLimitTier.apiKey, ttl: values.throttleApiKeyTtlMs, limit: values.throttleApiKeyLimit },
  ];
}

/** What the rate limiter needs to know about one request. */
export interface RateLimitedRequest {
  /** The client address as Fastify resolved it (`request.ip`: X-Forwarded-For only from a trusted proxy). */
  address: string;
  /**
   * The `X-API-Key` header, only when it names a usable key. An unknown key must not buy a
   * budget of its own: public routes ignore bad keys, so rotating made-up keys would escape the
   * per-address limits.
   */
  verifiedApiKey?: string | undefined;
  /** Whether the route carries `@AuthRateLimit()`. */
  authRoute: boolean;
}

/**
 * The tracker a request is counted under in one tier, or `undefined` when the tier does not
 * apply to it. Integrators (an `X-API-Key` header) get a budget per key, so two integrators behind
 * one NAT do not share one; everyone else is counted per address. Login and registration are
 * always counted per address: a key has nothing to do with guessing passwords.
 */
export function trackerFor(tier: RateLimitTier, request: RateLimitedRequest): string | undefined {
  const byKey = apiKeyTracker(request.verifiedApiKey);
  const byAddress = `ip:${request.address}`;
  switch (tier) {
    case RateLimitTier.short:
      return byKey ?? byAddress;
    case RateLimitTier.long:
      return byKey ? undefined : byAddress;
    case RateLimitTier.apiKey:
      return byKey;
    case RateLimitTier.auth:
      return request.authRoute ? byAddress : undefined;
  }
}

/** A hash of the key, never the key itself: storage keys end up in Redis and in memory dumps. */
export function apiKeyTracker(key: string | undefined): string | undefined {
  const value = key?.trim();
  if (!value) return undefined;
  return `key:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}

/** The storage key of one tracker in one tier; the same across routes, so a tier is a budget per client. */
export function storageKeyFor(tier: RateLimitTier, tracker: string): string {
  return `${tier}:${tracker}`;
}
