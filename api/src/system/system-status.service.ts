import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { tmpdir } from 'node:os';
import {
  ACTIVE_USER_WINDOW_MS,
  PORTALS,
  ROLES,
  WS_ADMIN_PATH,
  WS_INVESTOR_PATH,
  WS_OPERATOR_PATH,
  WS_PATH,
  type ActiveUsers,
  type ApiInstancesCard,
  type DiskUsage,
  type SystemStatus,
  type WebSocketCard,
} from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { SystemErrorsService } from '../error-log/index.js';
import { RealtimeHub, RealtimeStats } from '../realtime/index.js';
import { InstanceRegistry } from '../telemetry/index.js';
import { diskUsage } from './disk-usage.js';
import { NginxProbe } from './nginx-probe.js';
import { PostgresProbe, STATUS_QUERY_TIMEOUT_MS } from './postgres-probe.js';
import { overallState, serviceStates, stateChanges, type ServiceStateOf } from './service-states.js';

/** The snapshot, without the fields that depend on when it is read. */
type Snapshot = Omit<SystemStatus, 'generatedAt' | 'snapshotAgeMs'>;

/** A snapshot source that has not answered by then is replaced by its fallback (a little past the status queries' own timeout). */
const SOURCE_DEADLINE_MS = STATUS_QUERY_TIMEOUT_MS + 1000;

/** Past this many periods a snapshot is too old to show while a fresh one is taken: the request waits. */
const STALE_PERIODS_SERVED = 3;

/**
 * The admin's system status, answered from memory. A snapshot is taken at most once per
 * SYSTEM_SNAPSHOT_MS, by one refresh at a time however many requests ask (single flight). A
 * request finding it older than one period answers it at once and starts a refresh; only one
 * finding it very old (or none) waits. While an admin socket is open on this instance the
 * snapshot is refreshed every period anyway, and each refresh that sees a service change state
 * tells the admin feed (`service_status_changed`).
 */
@Injectable()
export class SystemStatusService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SystemStatusService.name);
  private readonly periodMs: number;
  private snapshot: { value: Snapshot; takenAt: number } | undefined;
  private refreshing: Promise<{ value: Snapshot; takenAt: number }> | undefined;
  private states: Map<string, ServiceStateOf> | undefined;
  private warmTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly instances: InstanceRegistry,
    private readonly postgres: PostgresProbe,
    private readonly nginx: NginxProbe,
    private readonly realtimeStats: RealtimeStats,
    private readonly hub: RealtimeHub,
    private readonly errors: SystemErrorsService,
  ) {
    this.periodMs = config.values.systemSnapshotMs;
  }

  onApplicationBootstrap(): void {
    this.warmTimer = setInterval(() => {
      if (this.hub.hasAdminAudience()) this.refresh().catch(() => undefined);
    }, this.periodMs);
    this.warmTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.warmTimer) clearInterval(this.warmTimer);
  }

  async status(): Promise<SystemStatus> {
    const now = Date.now();
    let current = this.snapshot;
    if (!current || now - current.takenAt > STALE_PERIODS_SERVED * this.periodMs) current = await this.refresh();
    else if (now - current.takenAt >= this.periodMs) this.refresh().catch(() => undefined);
    const answeredAt = Date.now();
    return { generatedAt: new Date(answeredAt).toISOString(), snapshotAgeMs: Math.max(0, answeredAt - current.takenAt), ...current.value };
  }

  /** Takes a snapshot, or joins the one being taken. */
  refresh(): Promise<{ value: Snapshot; takenAt: number }> {
    this.refreshing ??= this.take()
      .then((value) => {
        this.snapshot = { value, takenAt: Date.now() };
        this.announceChanges(value);
        return this.snapshot;
      })
      .catch((error: unknown) => {
        this.logger.error(`System status snapshot failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        throw error;
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private announceChanges(snapshot: Snapshot): void {
    const states = serviceStates(snapshot);
    const changes = stateChanges(this.states, states);
    this.states = states;
    for (const change of changes) this.hub.publishToAdmins('service_status_changed', change);
  }

  private async take(): Promise<Snapshot> {
    const pool = this.postgres.poolFigures();
    // Each source has a deadline and a fallback: with the database sick, the heartbeat rows and
    // the error counts (read through the API's pool, without a statement timeout) must not hold
    // up or fail the page that is there to say so.
    const [api, activeUsers, routes, nginx, postgres, disks, criticalErrors24h] = await Promise.all([
      this.settle('API instances', this.instances.apiCard(), (reason) => this.unknownApiCard(reason)),
      this.settle('active users', this.instances.activeUsers(), () => noActiveUsers()),
      this.settle('route figures', this.instances.routes(), () => []),
      this.nginx.card(),
      this.postgres.card(() => this.settle('slow statements', this.errors.slowStatements(1, 5), () => []), pool),
      this.disks(),
      this.settle('critical errors', this.errors.countCritical(24), () => 0),
    ]);
    const websocket = this.websocketCard();
    const services = { api, nginx, postgres, websocket };
    return {
      overall: overallState({ services, disks }),
      headline: {
        pagesAndRoutes: null,
        apiEndpoints: this.instances.apiEndpointCount(),
        userTypes: ROLES.length,
        webSocketEventsPerMinute: websocket.eventsPerMinute,
      },
      services,
      disks,
      diskWarnPercent: this.config.values.diskWarnPercent,
      activeUsers,
      routes,
      criticalErrors24h,
    };
  }

  /** The source's answer, or the fallback when it fails or takes longer than the status queries may. */
  private async settle<T>(what: string, source: Promise<T>, fallback: (reason: string) => T): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${SOURCE_DEADLINE_MS} ms`)), SOURCE_DEADLINE_MS);
    });
    try {
      return await Promise.race([source, deadline]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`System status: ${what} unavailable (${reason}).`);
      return fallback(reason);
    } finally {
      clearTimeout(timer);
    }
  }

  private unknownApiCard(reason: string): ApiInstancesCard {
    return {
      state: 'degraded',
      reason: `The instances' heartbeats could not be read (${reason}); this instance answers.`,
      uptimeSeconds: Math.round(process.uptime()),
      instances: [],
      requestsPerMinute: 0,
      serverErrorsPerMinute: 0,
    };
  }

  private websocketCard(): WebSocketCard {
    const stats = this.realtimeStats.snapshot();
    const latency = this.realtimeStats.commitToSendLatency();
    const byPath: Record<string, number> = { [WS_PATH]: 0, [WS_OPERATOR_PATH]: 0, [WS_INVESTOR_PATH]: 0, [WS_ADMIN_PATH]: 0, ...stats.connections.byPath };
    const listening = stats.listener.connected;
    return {
      state: listening ? 'running' : 'degraded',
      reason: listening ? null : 'Not listening for database events: sockets stay open but receive no updates until the listener reconnects.',
      uptimeSeconds: Math.round(process.uptime()),
      connections: { total: stats.connections.total, byPath },
      subscriptions: this.hub.subscriptionCount(),
      eventsPerMinute: stats.eventsPerMinute,
      latencyMs: { p50: latency.p50, p95: latency.p95 },
      lastEventAt: stats.lastEventAt,
      listenerConnected: listening,
    };
  }

  /**
   * The data directory (the embedded PostgreSQL's, or DATA_DIR), the log directory and the
   * temporary one. Two on the same file system show the same figures, each under its own label.
   */
  private async disks(): Promise<DiskUsage[]> {
    const { values } = this.config;
    const dataDir = this.config.projectPath(values.dataDir ?? (this.config.embedded ? values.embeddedPgDir : '.data'));
    const wanted: [DiskUsage['kind'], string, string][] = [
      ['data', 'Data', dataDir],
      ['logs', 'Logs', this.config.projectPath(values.logDir)],
      ['temp', 'Temporary files', tmpdir()],
    ];
    const disks: DiskUsage[] = [];
    for (const [kind, label, path] of wanted) {
      try {
        disks.push(await diskUsage(kind, label, path, values.diskWarnPercent));
      } catch (error) {
        this.logger.warn(`statfs(${path}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return disks;
  }
}

function noActiveUsers(): ActiveUsers {
  return {
    total: 0,
    byPortal: Object.fromEntries(PORTALS.map((portal) => [portal, 0])) as ActiveUsers['byPortal'],
    windowSeconds: ACTIVE_USER_WINDOW_MS / 1000,
  };
}
