import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metric } from 'prom-client';
import { ACTIVE_USER_WINDOW_MS } from '@aiparksit/shared';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from '../access/index.js';
import { AppConfig } from '../config/index.js';
import { TelemetryRegistry } from './counters/index.js';
import { ActiveUserLog } from './active-users.js';
import type { RouteWindowFigures } from './instance-rows.js';
import { LATENCY_BOUNDS_MS, MinuteWindow, bucketOf, type WindowFigures } from './latency-window.js';

/** The label of requests no route matched: the raw URL would give every scanner its own series. */
const UNMATCHED = '(unmatched)';
const SPA_FALLBACK = '/*';

/** A metric as prom-client's registry reads it (`name`, `help`, `type`, and `get()` with the sample lines). */
interface ScrapedMetric {
  name: string;
  help: string;
  type: 'histogram';
  aggregator: 'sum';
  values: Array<{ metricName: string; labels: Record<string, string | number>; value: number }>;
  get(): Omit<ScrapedMetric, 'get'>;
}

/** One status code's requests on one route, as the Prometheus histogram exposes them. */
interface StatusSeries {
  /** Per latency bucket, not cumulative (LATENCY_BOUNDS_MS.length + 1 entries). */
  readonly buckets: Float64Array;
  sumSeconds: number;
  count: number;
}

/** A route (method + pattern, or unmatched) and what it answered. */
interface RouteEntry {
  readonly method: string;
  readonly route: string;
  readonly window: MinuteWindow;
  readonly byStatus: Map<number, StatusSeries>;
}

/**
 * Per-request bookkeeping, in one Fastify onResponse hook: the Prometheus histogram (method,
 * route pattern, status code), this instance's and each route's minute window, and the account
 * on the request for the active-user count. Counters and arrays only; nothing here does I/O.
 *
 * Kept cheap on purpose (the bar is under 5 % of a trivial request, see bench:telemetry): the
 * route is found by its config object in a WeakMap (no key string built per request), one
 * latency bucket index serves both the histogram and the minute window, and the histogram is
 * plain arrays exposed to prom-client at scrape time rather than prom-client's `observe`, which
 * validates and hashes the labels on every call (a CPU profile put it at ~2.5 % of the API's time).
 */
@Injectable()
export class RequestTelemetry {
  readonly activeUsers = new ActiveUserLog(ACTIVE_USER_WINDOW_MS);
  private readonly all = new MinuteWindow();
  /** By the route's config object (one per route and method; Fastify hands the same one to every request). */
  private readonly byConfig = new WeakMap<object, RouteEntry>();
  /** Every entry, for reading: key `METHOD pattern`. */
  private readonly byRoute = new Map<string, RouteEntry>();
  /** Every API endpoint the router holds, as `METHOD /pattern`, in registration order. */
  private readonly endpoints: Array<{ method: string; route: string }> = [];
  readonly enabled: boolean;

  constructor(registry: TelemetryRegistry, config: AppConfig) {
    this.enabled = config.values.requestMetrics;
    registry.registry.registerMetric(this.histogramMetric() as unknown as Metric);
  }

  /** Lists the router's routes as they are added (call before the app initialises); `observe` is called by the request hook installTelemetry adds. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method === 'HEAD' || method === 'OPTIONS') continue;
        if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') continue;
        this.endpoints.push({ method, route: route.url });
      }
    });
  }

  /** Records one answered request (the hook calls it; public for bench:telemetry, which times it alone). */
  observe(request: FastifyRequest, reply: FastifyReply): void {
    const now = Date.now();
    const status = reply.statusCode;
    const durationMs = reply.elapsedTime;
    const entry = this.entryOf(request, status);
    const bucket = bucketOf(durationMs);
    const serverError = status >= 500;
    let series = entry.byStatus.get(status);
    if (series === undefined) {
      series = { buckets: new Float64Array(LATENCY_BOUNDS_MS.length + 1), sumSeconds: 0, count: 0 };
      entry.byStatus.set(status, series);
    }
    series.buckets[bucket] = series.buckets[bucket]! + 1;
    series.sumSeconds += durationMs / 1000;
    series.count += 1;
    this.all.recordBucket(bucket, serverError, now);
    if (entry.route !== UNMATCHED) entry.window.recordBucket(bucket, serverError, now);
    const principal = (request as FastifyRequest & RequestWithPrincipal)[PRINCIPAL_REQUEST_KEY];
    if (principal?.kind === 'user') this.activeUsers.saw(principal.userId, principal.role, now);
    else if (principal?.kind === 'api_key') this.activeUsers.saw(principal.ownerId, null, now);
  }

  private entryOf(request: FastifyRequest, status: number): RouteEntry {
    const { url, config } = request.routeOptions;
    // The SPA's history fallback (`/*`, when the API serves the SPA) also answers unknown /api
    // paths, with a 404: those are unmatched requests, not SPA pages.
    const unmatched = url === undefined || (status === 404 && url === SPA_FALLBACK);
    if (unmatched) return this.entry(request.method, UNMATCHED);
    // Fastify always gives a route's config object; without one, find the entry by its key.
    if (typeof config !== 'object' || config === null) return this.entry(request.method, url);
    let entry = this.byConfig.get(config);
    // A route registered for several methods shares one config: check the method.
    if (entry === undefined || entry.method !== request.method) {
      entry = this.entry(request.method, url);
      this.byConfig.set(config, entry);
    }
    return entry;
  }

  private entry(method: string, route: string): RouteEntry {
    const key = `${method} ${route}`;
    let entry = this.byRoute.get(key);
    if (entry === undefined) {
      entry = { method, route, window: new MinuteWindow(), byStatus: new Map() };
      this.byRoute.set(key, entry);
    }
    return entry;
  }

  /**
   * `aiparksit_http_request_duration_seconds` as prom-client's registry reads a metric: a name,
   * help, type and `get()` answering the sample lines (the shape its own Histogram's `get` has).
   */
  private histogramMetric(): ScrapedMetric {
    const name = 'aiparksit_http_request_duration_seconds';
    const help = 'HTTP requests answered by this instance: duration by method, route pattern and status code.';
    const bounds = LATENCY_BOUNDS_MS.map((ms) => String(ms / 1000));
    const get = () => {
      const values: ScrapedMetric['values'] = [];
      for (const { method, route, byStatus } of this.byRoute.values()) {
        for (const [status, series] of byStatus) {
          const labels = { method, route, status_code: status };
          let cumulative = 0;
          for (let i = 0; i < bounds.length; i++) {
            cumulative += series.buckets[i]!;
            values.push({ metricName: `${name}_bucket`, labels: { ...labels, le: bounds[i]! }, value: cumulative });
          }
          values.push({ metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: series.count });
          values.push({ metricName: `${name}_sum`, labels, value: series.sumSeconds });
          values.push({ metricName: `${name}_count`, labels, value: series.count });
        }
      }
      return { name, help, type: 'histogram', aggregator: 'sum', values } as const;
    };
    return { name, help, type: 'histogram', aggregator: 'sum', values: [], get };
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
