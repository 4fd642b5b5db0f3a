import { lastValueFrom, of } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { AppConfig } from '../config/index.js';
import { currentLinkOrigin, linkOriginFollowsRequests, LinkOriginInterceptor, originOfRequest, withLinkOrigin } from './link-origin.js';

const request = (headers: Record<string, string>, protocol: 'http' | 'https' = 'http', host = '127.0.0.1:3903') => ({ headers, protocol, host });

function httpContext(req: ReturnType<typeof request>): ExecutionContext {
  return { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
}

/** A handler that reports what it enqueues, the way a service would. */
const enqueueing: CallHandler = { handle: () => of(withLinkOrigin({ bookingId: 'b1' })) };

describe('originOfRequest', () => {
  it('prefers the Origin a browser names, which a dev-server proxy keeps', () => {
    expect(originOfRequest(request({ origin: 'http://localhost:5173' }))).toBe('http://localhost:5173');
  });

  it('falls back to the request’s own scheme and host', () => {
    expect(originOfRequest(request({}, 'https', 'parking.test:8443'))).toBe('https://parking.test:8443');
  });

  it('refuses anything that is not a bare origin', () => {
    expect(originOfRequest(request({ origin: 'null' }, 'http', 'evil.test/path?x'))).toBeUndefined();
    expect(originOfRequest(request({ origin: 'javascript:alert(1)' }))).toBe('http://127.0.0.1:3903');
    expect(originOfRequest(request({ origin: 'http://user:pw@host.test' }))).toBe('http://127.0.0.1:3903');
  });
});

describe('LinkOriginInterceptor', () => {
  it('hands the request’s origin to what the handler enqueues in development without PUBLIC_URL', async () => {
    const config = AppConfig.fromEnv({ PORT: '3903' });
    expect(linkOriginFollowsRequests(config)).toBe(true);
    const interceptor = new LinkOriginInterceptor(config);
    const enqueued = await lastValueFrom(interceptor.intercept(httpContext(request({ origin: 'http://localhost:5173' })), enqueueing));
    expect(enqueued).toEqual({ bookingId: 'b1', linkOrigin: 'http://localhost:5173' });
    expect(currentLinkOrigin()).toBeUndefined();
  });

  it('adds nothing when PUBLIC_URL is set', async () => {
    const config = AppConfig.fromEnv({ PUBLIC_URL: 'https://parking.example' });
    expect(linkOriginFollowsRequests(config)).toBe(false);
    const enqueued = await lastValueFrom(new LinkOriginInterceptor(config).intercept(httpContext(request({ origin: 'http://evil.test' })), enqueueing));
    expect(enqueued).toEqual({ bookingId: 'b1' });
  });

  it('never follows requests in production', () => {
    const production = AppConfig.fromEnv({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://parking.example',
      DATABASE_URL: 'postgres://u:p@db/x',
      JWT_ACCESS_SECRET: 'a'.repeat(40),
    });
    expect(linkOriginFollowsRequests(production)).toBe(false);
  });
});
