import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor, type Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AppConfig } from '../config/index.js';

const origins = new AsyncLocalStorage<string>();

/** `scheme://host[:port]` and nothing else: no path, no credentials, no stray characters. */
export const originOfRequestPattern = /^https?:\/\/(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Whether links in emails follow the request that caused them: only in development, and only
 * when PUBLIC_URL is unset. Production must name PUBLIC_URL (the config refuses to start without
 * it), because the Origin and Host headers are the caller's to choose: trusting them there would
 * let anyone have a password-reset link sent to a server of theirs (reset poisoning).
 */
export function linkOriginFollowsRequests(config: AppConfig): boolean {
  return config.values.nodeEnv !== 'production' && !config.values.publicUrl;
}

/**
 * Where the SPA that sent this request lives. A browser names its page's origin in `Origin` on
 * every POST, PATCH and DELETE, also through a dev-server proxy that rewrites Host; otherwise the
 * request's own scheme and host (behind a trusted proxy, its X-Forwarded-Proto and -Host).
 */
export function originOfRequest(request: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>): string | undefined {
  const declared = request.headers.origin;
  if (typeof declared === 'string' && originOfRequestPattern.test(declared)) return declared;
  const derived = `${request.protocol}://${request.host}`;
  return originOfRequestPattern.test(derived) ? derived : undefined;
}

/** The origin of the request this code runs for, when links follow requests (see above). */
export function currentLinkOrigin(): string | undefined {
  return origins.getStore();
}

/**
 * Runs each HTTP handler with its request's origin at hand, so what it enqueues can carry it to
 * the email's links. Registered (AppModule) only where links follow requests: anywhere else it
 * would still put every request on Nest's interceptor path (an RxJS pipeline) to do nothing.
 */
@Injectable()
export class LinkOriginInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const origin = originOfRequest(context.switchToHttp().getRequest<FastifyRequest>());
    // Nest binds the handler to the async context `handle()` is called in.
    return origin ? origins.run(origin, () => next.handle()) : next.handle();
  }
}

/** The global interceptor providers links need under this configuration: none in production. */
export function linkOriginProviders(config: AppConfig): Provider[] {
  return linkOriginFollowsRequests(config) ? [{ provide: APP_INTERCEPTOR, useClass: LinkOriginInterceptor }] : [];
}

/**
 * The payload with `linkOrigin` added when this code runs for a request whose origin links
 * follow; the email handlers build links on it instead of the fallback (notifications/).
 */
export function withLinkOrigin<T extends object>(payload: T): T & { linkOrigin?: string } {
  const linkOrigin = currentLinkOrigin();
  return linkOrigin ? { ...payload, linkOrigin } : payload;
}
