import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Histogram } from 'prom-client';
import { ACTIVE_USER_WINDOW_MS } from '@aiparksit/shared';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from '../access/index.js';
import { AppConfig } from '../config/index.js';
import { TelemetryRegistry } from './counters/index.js';
import { ActiveUserLog } from './active-users.js';
import type { RouteWindowFigures } from './instance-rows.js';
import { LATENCY_BOUNDS_MS, MinuteWindow, type WindowFigures } from './latency-window.js';

/** The label of requests no route matched: the raw URL would give every scanner its own series. */
const UNMATCHED = '(unmatched)';
const SPA_FALLBACK = '/*';

/**
 * Per-request bookkeeping, in one Fastify onResponse hook: the Prometheus histogram (method,
 * route pattern, status code), this instance's and each route's minute window, and the account
 * on the request for the active-user count. Counters and arrays only; nothing here does I/O.
 */
@Injectable()
export class RequestTelemetry {
  readonly activeUsers = new ActiveUserLog(ACTIVE_USER_WINDOW_MS);
  private readonly histogram: Histogram<'method' | 'route' | 'status_code'>;
  private readonly all = new MinuteWindow();
  private readonly byRoute = new Map<string, { method: string; route: string; window: MinuteWindow }>();
  /** Every API endpoint the router holds, as `METHOD /pattern`, in registration order. */
  private readonly endpoints: Array<{ method: string; route: string }> = [];
  readonly enabled: boolean;

  constructor(registry: TelemetryRegistry, config: AppConfig) {
    this.enabled = config.values.requestMetrics;
    this.histogram = new Histogram({
      name: 'aiparksit_http_request_duration_seconds',
      help: 'HTTP requests answered by this instance: duration by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: LATENCY_BOUNDS_MS.map((ms) => ms / 1000),
      registers: [registry.registry],
    });
  }

  /** Hooks into Fastify; call before the app initialises, so the router's routes are seen as they are added. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method === 'HEAD' || method === 'OPTIONS') continue;
        if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') continue;
        this.endpoints.push({ method, route: route.url });
      }
    });
    if (!this.enabled) return;
    fastify.addHook('onResponse', (request, reply, done) => {
      this.observe(request, reply);
      done();
    });
  }

  /** Records one answered request (the hook calls it; public for bench:telemetry, which times it alone). */
  observe(request: FastifyRequest, reply: FastifyReply): void {
    const now = Date.now();
    const status = reply.statusCode;
    const durationMs = reply.elapsedTime;
    // The SPA's history fallback (`/*`, when the API serves the SPA) also answers unknown /api
    // paths, with a 404: those are unmatched requests, not SPA pages.
    const pattern = status === 404 && request.routeOptions.url === SPA_FALLBACK ? undefined : request.routeOptions.url;
    const serverError = status >= 500;
    this.histogram.observe({ method: request.method, route: pattern ?? UNMATCHED, status_code: status }, durationMs / 1000);
    this.all.record(durationMs, serverError, now);
    if (pattern !== undefined) {
      const key = `${request.method} ${pattern}`;
      let entry = this.byRoute.get(key);
      if (!entry) {
        entry = { method: request.method, route: pattern, window: new MinuteWindow() };
        this.byRoute.set(key, entry);
      }
      entry.window.record(durationMs, serverError, now);
    }
    const principal = (request as FastifyRequest & RequestWithPrincipal)[PRINCIPAL_REQUEST_KEY];
    if (principal?.kind === 'user') this.activeUsers.saw(principal.userId, principal.role, now);
    else if (principal?.kind === 'api_key') this.activeUsers.saw(principal.ownerId, null, now);
  }

  /** This instance's last minute, all requests. */
  instanceFigures(nowMs = Date.now()): WindowFigures {
    return this.all.figures(nowMs);
  }

  /** Each route with traffic in the last minute. */
  routeFigures(nowMs = Date.now()): RouteWindowFigures[] {
    const out: RouteWindowFigures[] = [];
    for (const { method, route, window } of this.byRoute.values()) {
      const figures = window.figures(nowMs);
      if (figures.requests > 0) out.push({ method, route, ...figures });
    }
    return out;
  }

  apiEndpoints(): ReadonlyArray<{ method: string; route: string }> {
    return this.endpoints;
  }
}
