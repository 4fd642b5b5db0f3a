import { lastValueFrom, of } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { AppConfig } from '../config/index.js';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { currentLinkOrigin, linkOriginFollowsRequests, linkOriginProviders, LinkOriginInterceptor, originOfRequest, withLinkOrigin } from './link-origin.js';

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
    expect(linkOriginProviders(config)).toEqual([{ provide: APP_INTERCEPTOR, useClass: LinkOriginInterceptor }]);
    const interceptor = new LinkOriginInterceptor();
    const enqueued = await lastValueFrom(interceptor.intercept(httpContext(request({ origin: 'http://localhost:5173' })), enqueueing));
    expect(enqueued).toEqual({ bookingId: 'b1', linkOrigin: 'http://localhost:5173' });
    expect(currentLinkOrigin()).toBeUndefined();
  });

  it('is not registered when PUBLIC_URL is set, so nothing is added', async () => {
    const config = AppConfig.fromEnv({ PUBLIC_URL: 'https://parking.example' });
    expect(linkOriginFollowsRequests(config)).toBe(false);
    expect(linkOriginProviders(config)).toEqual([]);
    const enqueued = await lastValueFrom(enqueueing.handle());
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
    expect(linkOriginProviders(production)).toEqual([]);
  });
});
