import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PLATFORM_REVENUE_INTERVAL_MS, type SpaceType, type TimePeriod } from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { CoalescingScheduler } from './coalescing-scheduler.js';
import { parseNotice, spanOf, type DatabaseChange } from './database-change.js';
import { DatabaseListener } from './database-listener.js';
import { RealtimeHub } from './realtime-hub.js';
import { RealtimeRepository, type FacilityRouting } from './realtime.repository.js';
import { RealtimeStats } from './realtime-stats.js';

/**
 * What a facility's next recount covers: the space types that changed, each with the period that
 * changed for it (kept per type, so merging a change of one type never lends its period to
 * another), or every type after a space or facility change.
 */
interface PendingRecount {
  allTypes: boolean;
  periods: Map<SpaceType, TimePeriod | null>;
  /** The earliest change this recount answers (see `originOf`): its event's commit-to-send latency counts from it. */
  originAt: number;
}

/** Facilities whose routing is cached; beyond this the cache starts over (it refills on demand). */
const ROUTING_CACHE_MAX = 50_000;

/**
 * The bridge from PostgreSQL to sockets: a trigger's notice → (coalesced) recount with an
 * indexed query → one event to the hub. Each API instance runs its own, so an event committed
 * through any instance reaches sockets on every instance.
 */
@Injectable()
export class RealtimeEventsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeEventsService.name);
  private readonly routing = new Map<string, Promise<FacilityRouting | undefined>>();
  private readonly availability: CoalescingScheduler<string, PendingRecount>;
  /** Per facility, the earliest change waiting (its origin time). */
  private readonly revenue: CoalescingScheduler<string, number>;
  /** One key ('platform'): revenue changes anywhere, counted, at most one event per interval. */
  private readonly platformRevenue: CoalescingScheduler<'platform', number>;
  private readonly listener: DatabaseListener;

  constructor(
    private readonly repository: RealtimeRepository,
    private readonly hub: RealtimeHub,
    private readonly stats: RealtimeStats,
    dataSource: DataSource,
    config: AppConfig,
  ) {
    const windowMs = config.values.wsEventCoalesceMs;
    const onError = (error: unknown) => this.logger.error(`Recount failed: ${error instanceof Error ? error.message : String(error)}`);
    this.availability = new CoalescingScheduler(windowMs, mergeRecounts, (id, pending) => this.recountAvailability(id, pending), onError);
    this.revenue = new CoalescingScheduler(
      windowMs,
      (previous: number | undefined, next: number) => Math.min(previous ?? next, next),
      (id, originAt) => this.recountRevenue(id, originAt),
      onError,
    );
    this.platformRevenue = new CoalescingScheduler(
      Math.max(windowMs, PLATFORM_REVENUE_INTERVAL_MS),
      (previous, next) => (previous ?? 0) + next,
      async (_key, changes) => this.hub.publishToPlatform({ scope: 'platform', changes }),
      onError,
    );
    this.listener = new DatabaseListener({
      connectionString: (dataSource.options as { url?: string }).url ?? '',
      applicationName: `aiparksit-realtime/${process.pid}`,
      onNotification: (payload) => {
        const receivedAt = Date.now();
        this.stats.notificationReceived();
        const notice = parseNotice(payload);
        if (notice?.kind === 'system_error') this.hub.publishToAdmins('system_error', notice.event);
        else if (notice) this.handle(notice, receivedAt);
      },
      onListening: (again) => {
        this.stats.listenerState(true);
        if (!again) return;
        this.logger.warn('Listening for database events again; clients are told to resync.');
        this.routing.clear();
        this.hub.resync('The server reconnected to the database and may have missed changes; refetch what you show.');
      },
      onLost: (error) => {
        this.stats.listenerState(false);
        this.logger.warn(`Lost the database event listener${error ? `: ${error.message}` : ''}; reconnecting.`);
      },
    });
  }

  onApplicationBootstrap(): void {
    this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.availability.stop();
    this.revenue.stop();
    this.platformRevenue.stop();
    await this.listener.stop();
  }

  handle(change: DatabaseChange, receivedAt = Date.now()): void {
    const originAt = originOf(change, receivedAt);
    switch (change.kind) {
      case 'availability':
        this.availability.request(change.facilityId, { allTypes: false, periods: new Map([[change.spaceType, change.period]]), originAt });
        return;
      case 'booking_created':
        this.hub.publishToOperator(change.operatorId, 'booking_created', change.booking, originAt);
        return;
      case 'booking_updated':
        this.hub.publishToOperator(change.operatorId, 'booking_updated', change.booking, originAt);
        return;
      case 'revenue':
        if (this.hub.hasOperatorAudience(change.operatorId)) this.revenue.request(change.facilityId, originAt);
        if (this.hub.hasPlatformAudience()) this.platformRevenue.request('platform', 1);
        return;
      case 'user_disabled':
        this.hub.closeSocketsOf(change.userId, 'The account has been disabled.');
        return;
      case 'sessions_ended':
        this.hub.closeSocketsOf(change.userId, 'Signed out: the password was reset.');
        return;
      case 'waitlist_offered':
        this.hub.publishToUser(change.userId, 'waitlist_offered', change.offer, originAt);
        return;
      case 'facility':
        // Boxes take the facility in first, so the recount that follows already reaches them.
        this.routing.delete(change.facilityId);
        this.routingOf(change.facilityId).then(
          (facility) => {
            if (facility) this.hub.facilityChanged(facility);
            this.availability.request(change.facilityId, { allTypes: true, periods: new Map(), originAt });
          },
          (error: unknown) => this.logger.error(`Reading a changed facility failed: ${error instanceof Error ? error.message : String(error)}`),
        );
        return;
    }
  }

  private async recountAvailability(facilityId: string, pending: PendingRecount): Promise<void> {
    const facility = await this.routingOf(facilityId);
    if (!facility || !this.hub.hasAudience(facility)) return;
    const counts = await this.repository.countAvailableNow(facilityId, pending.allTypes ? null : [...pending.periods.keys()]);
    for (const count of counts) {
      // An unpublished facility cannot be booked: nothing is available, whatever is free.
      this.hub.publishAvailability(
        facility,
        facility.published ? count : { ...count, availableNow: 0 },
        pending.periods.get(count.spaceType) ?? null,
        pending.originAt,
      );
    }
  }

  private async recountRevenue(facilityId: string, originAt: number): Promise<void> {
    const facility = await this.routingOf(facilityId);
    if (!facility || !this.hub.hasOperatorAudience(facility.operatorId)) return;
    const figures = await this.repository.revenue(facilityId);
    if (figures) this.hub.publishToOperator(facility.operatorId, 'revenue_updated', { facilityId, ...figures }, originAt);
  }

  private routingOf(facilityId: string): Promise<FacilityRouting | undefined> {
    let cached = this.routing.get(facilityId);
    if (!cached) {
      if (this.routing.size >= ROUTING_CACHE_MAX) this.routing.clear();
      cached = this.repository.facilityRouting(facilityId);
      this.routing.set(facilityId, cached);
      // A failed lookup is not remembered: the next event asks again.
      cached.catch(() => this.routing.delete(facilityId));
    }
    return cached;
  }
}

function mergeRecounts(previous: PendingRecount | undefined, next: PendingRecount): PendingRecount {
  if (!previous) return next;
  const periods = new Map(previous.periods);
  for (const [type, period] of next.periods) periods.set(type, periods.has(type) ? spanOf(periods.get(type) ?? null, period) : period);
  return { allTypes: previous.allTypes || next.allTypes, periods, originAt: Math.min(previous.originAt, next.originAt) };
}

/**
 * When the change happened, for the commit-to-send latency: the database's stamp, unless it is
 * missing (an older trigger) or implausible (later than its arrival by more than a clock's
 * drift, or an hour old), then the notice's arrival.
 */
function originOf(change: DatabaseChange, receivedAt: number): number {
  if (change.at === undefined || change.at > receivedAt + 1000 || change.at < receivedAt - 3_600_000) return receivedAt;
  return change.at;
}
