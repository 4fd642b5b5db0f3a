import { apiKeyTracker, RateLimitTier, storageKeyFor, tierLimitsFromConfig, trackerFor } from './rate-limit-tiers.js';

const anonymous = { address: '203.0.113.7', authRoute: false };
const integrator = { address: '203.0.113.7', verifiedApiKey: 'aip_0123456789ab.secret-part-of-the-key', authRoute: false };

describe('rate-limit tiers', () => {
  describe('trackerFor', () => {
    it('counts an anonymous client by address in the burst and sustained tiers', () => {
      expect(trackerFor(RateLimitTier.short, anonymous)).toBe('ip:203.0.113.7');
      expect(trackerFor(RateLimitTier.long, anonymous)).toBe('ip:203.0.113.7');
    });

    it('leaves the API-key and auth tiers out for an anonymous client on an ordinary route', () => {
      expect(trackerFor(RateLimitTier.apiKey, anonymous)).toBeUndefined();
      expect(trackerFor(RateLimitTier.auth, anonymous)).toBeUndefined();
    });

    it('counts an integrator by a hash of its key, in the burst and API-key tiers instead of the sustained one', () => {
      const tracker = apiKeyTracker(integrator.verifiedApiKey);
      expect(trackerFor(RateLimitTier.short, integrator)).toBe(tracker);
      expect(trackerFor(RateLimitTier.apiKey, integrator)).toBe(tracker);
      expect(trackerFor(RateLimitTier.long, integrator)).toBeUndefined();
    });

    it('gives two keys from one address two budgets', () => {
      const other = { ...integrator, verifiedApiKey: 'aip_ba9876543210.another-secret' };
      expect(trackerFor(RateLimitTier.apiKey, integrator)).not.toBe(trackerFor(RateLimitTier.apiKey, other));
    });

    it('counts login and registration by address, even for an integrator', () => {
      expect(trackerFor(RateLimitTier.auth, { ...anonymous, authRoute: true })).toBe('ip:203.0.113.7');
      expect(trackerFor(RateLimitTier.auth, { ...integrator, authRoute: true })).toBe('ip:203.0.113.7');
    });

    it('counts a client without a usable key by address', () => {
      expect(trackerFor(RateLimitTier.long, { ...anonymous, verifiedApiKey: undefined })).toBe('ip:203.0.113.7');
      expect(trackerFor(RateLimitTier.apiKey, { ...anonymous, verifiedApiKey: undefined })).toBeUndefined();
    });
  });

  describe('apiKeyTracker', () => {
    it('never contains the key itself', () => {
      const tracker = apiKeyTracker('aip_0123456789ab.secret-part-of-the-key')!;
      expect(tracker).toMatch(/^key:[0-9a-f]{32}$/);
      expect(tracker).not.toContain('0123456789ab');
    });

    it('is undefined for an empty key', () => {
      expect(apiKeyTracker('  ')).toBeUndefined();
    });
  });

  it('keys storage by tier and tracker, so one budget covers every route', () => {
    expect(storageKeyFor(RateLimitTier.auth, 'ip:::1')).toBe('auth:ip:::1');
  });

  it('takes every tier limit from configuration', () => {
    const tiers = tierLimitsFromConfig({
      throttleShortTtlMs: 1000,
      throttleShortLimit: 20,
      throttleLongTtlMs: 60_000,
      throttleLongLimit: 300,
      throttleAuthTtlMs: 60_000,
      throttleAuthLimit: 10,
      throttleApiKeyTtlMs: 60_000,
      throttleApiKeyLimit: 600,
    });
    expect(tiers).toEqual([
      { name: 'short', ttl: 1000, limit: 20 },
      { name: 'long', ttl: 60_000, limit: 300 },
      { name: 'auth', ttl: 60_000, limit: 10 },
      { name: 'api-key', ttl: 60_000, limit: 600 },
    ]);
  });
});
