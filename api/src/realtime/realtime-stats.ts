import { Injectable } from '@nestjs/common';
import type { RealtimeRole, RealtimeStatsSnapshot } from '@aiparksit/shared';

const WINDOW_SECONDS = 60;
const RTT_SAMPLES = 1000;
/** Commit-to-send latencies: the most recent samples, none older than the window. */
const LATENCY_SAMPLES = 2000;
const LATENCY_WINDOW_MS = 10 * 60_000;

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
  private readonly latencies = new Float64Array(LATENCY_SAMPLES);
  private readonly latencyTimes = new Float64Array(LATENCY_SAMPLES);
  private latencyNext = 0;
  private latencyCount = 0;

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

  /**
   * A frame for a database change was written to at least one socket: `originAt` is when the
   * change's statement finished (the database clock, from the notice), or when the notice
   * arrived for notices without a stamp. A database clock ahead of ours reads as 0, not negative.
   */
  eventSent(originAt: number): void {
    const now = this.now();
    this.latencies[this.latencyNext] = Math.max(0, now - originAt);
    this.latencyTimes[this.latencyNext] = now;
    this.latencyNext = (this.latencyNext + 1) % LATENCY_SAMPLES;
    this.latencyCount = Math.min(this.latencyCount + 1, LATENCY_SAMPLES);
  }

  /** Commit-to-send latency percentiles over the recent samples (nearest rank); null without any. */
  commitToSendLatency(): { p50: number | null; p95: number | null; samples: number } {
    const since = this.now() - LATENCY_WINDOW_MS;
    const recent: number[] = [];
    for (let i = 0; i < this.latencyCount; i++) if (this.latencyTimes[i]! >= since) recent.push(this.latencies[i]!);
    if (recent.length === 0) return { p50: null, p95: null, samples: 0 };
    recent.sort((a, b) => a - b);
    const rank = (p: number) => recent[Math.min(recent.length - 1, Math.ceil(p * recent.length) - 1)]!;
    return { p50: rank(0.5), p95: rank(0.95), samples: recent.length };
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
