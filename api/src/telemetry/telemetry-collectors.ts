import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/index.js';
import { RealtimeStats } from '../realtime/index.js';
import { TelemetryRegistry } from './counters/index.js';

/** A scrape at most this often counts the outbox; scrapers in between get the cached count. */
const OUTBOX_COUNT_TTL_MS = 5000;

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Metrics read when Prometheus scrapes, from what other parts already keep: the gateway's
 * RealtimeStats (no second count of sockets or events), the pg pool's own counters, one
 * cached count of the outbox, and prom-client's default process metrics.
 */
@Injectable()
export class TelemetryCollectors {
  private outboxCache: { at: number; pending: number; failed: number } | undefined;
  private outboxInFlight: Promise<{ pending: number; failed: number }> | undefined;

  constructor(
    telemetry: TelemetryRegistry,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimeStats,
    private readonly config: AppConfig,
  ) {
    const registers = [telemetry.registry];
    collectDefaultMetrics({ register: telemetry.registry });
    // collect() runs with `this` bound to its metric: the collectors reach this service through these.
    const realtimeNow = () => this.realtime.snapshot();
    const poolUse = () => this.poolUse();
    const outboxCounts = () => this.outboxCounts();
    const totals = () => this.realtime.totals();

    new Gauge({
      name: 'aiparksit_websocket_connections',
      help: 'Open WebSocket connections on this instance, by path.',
      labelNames: ['path'] as const,
      registers,
      collect() {
        this.reset();
        for (const [path, count] of Object.entries(realtimeNow().connections.byPath)) this.set({ path }, count);
      },
    });
    counterFrom('aiparksit_websocket_events_total', 'Events published to WebSocket clients by this instance.', () => totals().events, registers);
    counterFrom('aiparksit_websocket_deliveries_total', 'Frames written to WebSocket clients (one event reaches many).', () => totals().deliveries, registers);
    counterFrom(
      'aiparksit_websocket_slow_consumers_dropped_total',
      'Sockets closed because their unsent data passed the limit.',
      () => totals().slowConsumersDropped,
      registers,
    );
    counterFrom(
      'aiparksit_websocket_dead_sockets_closed_total',
      'Sockets closed for not answering a heartbeat ping.',
      () => totals().deadSocketsClosed,
      registers,
    );
    counterFrom(
      'aiparksit_database_listener_reconnects_total',
      'Times the LISTEN connection was re-established.',
      () => totals().listenerReconnects,
      registers,
    );
    new Gauge({
      name: 'aiparksit_database_listener_connected',
      help: '1 while this instance LISTENs for database events, else 0.',
      registers,
      collect() {
        this.set(realtimeNow().listener.connected ? 1 : 0);
      },
    });

    new Gauge({
      name: 'aiparksit_db_pool_connections',
      help: "This instance's PostgreSQL pool: connections by state (in_use, idle), clients waiting for one, and its maximum.",
      labelNames: ['state'] as const,
      registers,
      collect() {
        const use = poolUse();
        this.set({ state: 'in_use' }, use.total - use.idle);
        this.set({ state: 'idle' }, use.idle);
        this.set({ state: 'waiting' }, use.waiting);
        this.set({ state: 'max' }, use.max);
      },
    });

    new Gauge({
      name: 'aiparksit_outbox_messages',
      help: 'Outbox messages waiting to be sent (pending) and given up on (failed); counted at most every 5 s.',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const counts = await outboxCounts().catch(() => undefined);
        if (!counts) return;
        this.set({ status: 'pending' }, counts.pending);
        this.set({ status: 'failed' }, counts.failed);
      },
    });
  }

  /** The TypeORM pg pool's own counters (no query). */
  poolUse(): PoolUse {
    const pool = (this.dataSource.driver as unknown as { master?: PgPoolCounts }).master;
    return {
      total: pool?.totalCount ?? 0,
      idle: pool?.idleCount ?? 0,
      waiting: pool?.waitingCount ?? 0,
      max: this.config.values.dbPoolSize,
    };
  }

  /** Pending (through the partial index of due messages) and failed outbox messages, cached a few seconds. */
  async outboxCounts(): Promise<{ pending: number; failed: number }> {
    const cached = this.outboxCache;
    if (cached && Date.now() - cached.at < OUTBOX_COUNT_TTL_MS) return cached;
    this.outboxInFlight ??= this.dataSource
      .query<Array<{ pending: string; failed: string }>>(
        `SELECT (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending,
                (SELECT count(*) FROM outbox WHERE status = 'failed') AS failed`,
      )
      .then(([row]) => {
        const counts = { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
        this.outboxCache = { at: Date.now(), ...counts };
        return counts;
      })
      .finally(() => (this.outboxInFlight = undefined));
    return this.outboxInFlight;
  }
}

/** A Prometheus counter whose value is a total kept elsewhere, read at scrape time. */
function counterFrom(name: string, help: string, read: () => number, registers: TelemetryRegistry['registry'][]): void {
  new Counter({
    name,
    help,
    registers,
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}
