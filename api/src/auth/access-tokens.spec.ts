import { jest } from '@jest/globals';
import { AppConfig } from '../config/index.js';
import { AccessTokens } from './access-tokens.js';

const config = AppConfig.fromEnv({ JWT_ACCESS_SECRET: 'unit-test-secret-that-is-long-enough-0123456789', ACCESS_TOKEN_TTL_SECONDS: '60' });
const claims = { userId: '6a1f0d1e-0000-4000-8000-000000000001', role: 'driver' as const, sessionId: '6a1f0d1e-0000-4000-8000-000000000002' };

describe('AccessTokens.verify', () => {
  afterEach(() => jest.useRealTimers());

  it('accepts a token again while it is valid, and refuses it once expired even after accepting it', () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const tokens = new AccessTokens(config);
    const token = tokens.issue(claims);
    expect(tokens.verify(token)).toEqual(claims);
    jest.setSystemTime(new Date('2030-01-01T00:01:04.999Z')); // 60 s lifetime + 5 s tolerance, less 1 ms
    expect(tokens.verify(token)).toEqual(claims);
    jest.setSystemTime(new Date('2030-01-01T00:01:05Z'));
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token signed with another secret, and one altered after it was accepted', () => {
    const tokens = new AccessTokens(config);
    const other = new AccessTokens(AppConfig.fromEnv({ JWT_ACCESS_SECRET: 'another-secret-that-is-long-enough-0123456789ab' }));
    const token = tokens.issue(claims);
    expect(tokens.verify(token)).toEqual(claims);
    expect(tokens.verify(other.issue(claims))).toBeUndefined();
    const [header, payload, signature] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(tokens.verify(`${header}.${altered}.${signature}`)).toBeUndefined();
  });
});
