import { Injectable } from '@nestjs/common';
import type { RealtimeRole, RealtimeStatsSnapshot } from '@aiparksit/shared';

const WINDOW_SECONDS = 60;
const RTT_SAMPLES = 1000;

/** Per-second counts over the last minute, in a ring: O(1) to add, O(60) to read. */
class MinuteCounter {
  private readonly counts = new Array<number>(WINDOW_SECONDS).fill(0);
  private readonly seconds = new Array<number>(WINDOW_SECONDS).fill(-1);

  add(n: number, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const slot = second % WINDOW_SECONDS;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += n;
  }

  total(nowMs: number): number {
    const second = Math.floor(nowMs / 1000);
    let sum = 0;
    for (let i = 0; i < WINDOW_SECONDS; i++) if (second - this.seconds[i]! < WINDOW_SECONDS) sum += this.counts[i]!;
    return sum;
  }
}

/**
 * What the real-time gateway is doing, for the admin system page: sockets per path and role,
 * event rates, heartbeat latency and the database listener's state. Counters only, no I/O.
 */
@Injectable()
export class RealtimeStats {
  private readonly byPath = new Map<string, number>();
  private readonly byRole = new Map<RealtimeRole, number>();
  private readonly events = new MinuteCounter();
  private readonly deliveries = new MinuteCounter();
  private readonly rtts = new Float64Array(RTT_SAMPLES);
  private rttCount = 0;
  private rttNext = 0;
  private lastEventAt: number | null = null;
  private eventsTotal = 0;
  private deliveriesTotal = 0;
  private slowConsumers = 0;
  private deadSockets = 0;
  private listenerConnected = false;
  private listenerReconnects = 0;
  private lastNotificationAt: number | null = null;

  private listenerEverConnected = false;

  private now(): number {
    return Date.now();
  }

  connectionOpened(path: string, role: RealtimeRole): void {
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
    this.byRole.set(role, (this.byRole.get(role) ?? 0) + 1);
  }

  connectionClosed(path: string, role: RealtimeRole): void {
    this.byPath.set(path, Math.max(0, (this.byPath.get(path) ?? 0) - 1));
    this.byRole.set(role, Math.max(0, (this.byRole.get(role) ?? 0) - 1));
  }

  eventPublished(deliveries: number): void {
    const now = this.now();
    this.events.add(1, now);
    this.deliveries.add(deliveries, now);
    this.eventsTotal += 1;
    this.deliveriesTotal += deliveries;
    this.lastEventAt = now;
  }

  pingAnswered(roundTripMs: number): void {
    this.rtts[this.rttNext] = roundTripMs;
    this.rttNext = (this.rttNext + 1) % RTT_SAMPLES;
    this.rttCount = Math.min(this.rttCount + 1, RTT_SAMPLES);
  }

  slowConsumerDropped(): void {
    this.slowConsumers += 1;
  }

  deadSocketClosed(): void {
    this.deadSockets += 1;
  }

  listenerState(connected: boolean): void {
    if (connected && !this.listenerConnected && this.listenerEverConnected) this.listenerReconnects += 1;
    if (connected) this.listenerEverConnected = true;
    this.listenerConnected = connected;
  }

  notificationReceived(): void {
    this.lastNotificationAt = this.now();
  }

  /** Counts since start, for Prometheus counters (which need totals, not per-minute rates). */
  totals(): { events: number; deliveries: number; slowConsumersDropped: number; deadSocketsClosed: number; listenerReconnects: number } {
    return {
      events: this.eventsTotal,
      deliveries: this.deliveriesTotal,
      slowConsumersDropped: this.slowConsumers,
      deadSocketsClosed: this.deadSockets,
      listenerReconnects: this.listenerReconnects,
    };
  }

  snapshot(): RealtimeStatsSnapshot {
    const now = this.now();
    let rttSum = 0;
    for (let i = 0; i < this.rttCount; i++) rttSum += this.rtts[i]!;
    const byPath = Object.fromEntries(this.byPath);
    return {
      connections: { total: Object.values(byPath).reduce((a, b) => a + b, 0), byPath, byRole: Object.fromEntries(this.byRole) },
      eventsPerMinute: this.events.total(now),
      deliveriesPerMinute: this.deliveries.total(now),
      lastEventAt: this.lastEventAt === null ? null : new Date(this.lastEventAt).toISOString(),
      averagePingLatencyMs: this.rttCount === 0 ? null : Math.round((rttSum / this.rttCount) * 10) / 10,
      slowConsumersDropped: this.slowConsumers,
      deadSocketsClosed: this.deadSockets,
      listener: {
        connected: this.listenerConnected,
        reconnects: this.listenerReconnects,
        lastNotificationAt: this.lastNotificationAt === null ? null : new Date(this.lastNotificationAt).toISOString(),
      },
    };
  }
}
