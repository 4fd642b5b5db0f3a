import { Injectable } from '@nestjs/common';
import type { ErrorService } from '@aiparksit/shared';
import { cutMessage, errorFingerprint, normaliseErrorText } from './error-fingerprint.js';
import { currentRequest } from './request-context.js';

/** The kinds of trouble the status page lists, in the seed's words. */
export const ERROR_TYPES = {
  serverError: '500 Error',
  unhandled: 'Unhandled exception',
  timeout: 'Timeout',
  slowQuery: 'Slow query',
  disconnect: 'Disconnect',
  deliveryFailed: 'Delivery failed',
  rateLimited: 'Rate limited',
  harvestingBlock: 'Harvesting block',
} as const;
export type ErrorType = (typeof ERROR_TYPES)[keyof typeof ERROR_TYPES];

export interface ErrorOccurrence {
  service: ErrorService;
  type: ErrorType;
  /** What happened; ids and numbers in it are fine (they are normalised away for grouping). */
  message: string;
  /** Defaults to the request the caller runs for, if any; null says "not a request's". */
  requestId?: string | null;
  /** 5xx, unhandled exceptions, failed deliveries: what the page counts as critical. */
  critical?: boolean;
  /** The route pattern it happened on; defaults to the current request's. */
  route?: string;
  /** How long it took, for slow statements. */
  durationMs?: number;
  /** Keep the message as given rather than the latest occurrence's (slow statements: their normalised text). */
  groupByMessageAsIs?: boolean;
}

/** Occurrences of one fingerprint since the last flush. */
export interface PendingErrorGroup {
  fingerprint: string;
  service: ErrorService;
  type: ErrorType;
  /** The latest occurrence's message (or the normalised one), at most 500 characters. */
  message: string;
  critical: boolean;
  count: number;
  firstAt: number;
  lastAt: number;
  lastRequestId: string | null;
  /** The route pattern of the latest occurrence's request. */
  lastRoute: string | null;
  /** Occurrences per UTC hour (start of the hour, ms): the 24-hour count is exact to the hour. */
  hours: Map<number, HourFigures>;
}

export interface HourFigures {
  count: number;
  /** Summed and largest `durationMs` (0 when the occurrences have none). */
  totalMs: number;
  maxMs: number;
}

const HOUR_MS = 3_600_000;

/**
 * Recent errors, grouped by fingerprint (service + type + normalised message). `record` is called
 * on hot paths, so it only counts in memory; the error-log module drains the pending groups every
 * few seconds (and on shutdown) into `system_error_groups`, which all instances share and which
 * outlives a restart. Bounded: past MAX_PENDING_GROUPS distinct groups in one flush period, new
 * groups are counted as dropped instead of kept (a flood of distinct errors cannot grow memory).
 */
@Injectable()
export class ErrorLog {
  static readonly MAX_PENDING_GROUPS = 1000;
  private pending = new Map<string, PendingErrorGroup>();
  private droppedCount = 0;
  private static readonly MAX_REMEMBERED_TEXTS = 2000;
  private readonly fingerprints = new Map<string, { normalised: string; fingerprint: string }>();

  record(occurrence: ErrorOccurrence, now = Date.now()): void {
    const { normalised, fingerprint } = this.fingerprintOf(occurrence);
    const message = cutMessage(occurrence.groupByMessageAsIs ? normalised : occurrence.message);
    const request = occurrence.requestId === null ? undefined : currentRequest();
    const requestId = occurrence.requestId === undefined ? (request?.requestId ?? null) : occurrence.requestId;
    const route = occurrence.route ?? request?.route ?? null;
    let group = this.pending.get(fingerprint);
    if (!group) {
      if (this.pending.size >= ErrorLog.MAX_PENDING_GROUPS) {
        this.droppedCount += 1;
        return;
      }
      group = {
        fingerprint,
        service: occurrence.service,
        type: occurrence.type,
        message,
        critical: false,
        count: 0,
        firstAt: now,
        lastAt: now,
        lastRequestId: null,
        lastRoute: null,
        hours: new Map(),
      };
      this.pending.set(fingerprint, group);
    }
    group.count += 1;
    group.critical ||= occurrence.critical === true;
    if (now >= group.lastAt) {
      group.lastAt = now;
      group.message = message;
      group.lastRequestId = requestId;
      group.lastRoute = route;
    }
    group.firstAt = Math.min(group.firstAt, now);
    const hourStart = now - (now % HOUR_MS);
    const hour = group.hours.get(hourStart) ?? { count: 0, totalMs: 0, maxMs: 0 };
    hour.count += 1;
    if (occurrence.durationMs !== undefined) {
      hour.totalMs += occurrence.durationMs;
      hour.maxMs = Math.max(hour.maxMs, occurrence.durationMs);
    }
    group.hours.set(hourStart, hour);
  }

  /**
   * Normalising and hashing cost ~10 µs; the same text recurs (a flood of 429s on one route, one
   * failing query), so the last few thousand texts are remembered.
   */
  private fingerprintOf(occurrence: ErrorOccurrence): { normalised: string; fingerprint: string } {
    const key = `${occurrence.service}\u0000${occurrence.type}\u0000${occurrence.message}`;
    let known = this.fingerprints.get(key);
    if (!known) {
      const normalised = normaliseErrorText(occurrence.message);
      known = { normalised, fingerprint: errorFingerprint(occurrence.service, occurrence.type, normalised) };
      if (this.fingerprints.size >= ErrorLog.MAX_REMEMBERED_TEXTS) this.fingerprints.clear();
      this.fingerprints.set(key, known);
    }
    return known;
  }

  /** Takes the pending groups (and the count of occurrences dropped meanwhile) for writing. */
  drain(): { groups: PendingErrorGroup[]; dropped: number } {
    const groups = [...this.pending.values()];
    const dropped = this.droppedCount;
    this.pending = new Map();
    this.droppedCount = 0;
    return { groups, dropped };
  }

  /** Puts back groups a failed write could not store, merged with what came since (within the bound). */
  restore(groups: readonly PendingErrorGroup[]): void {
    for (const old of groups) {
      const current = this.pending.get(old.fingerprint);
      if (!current) {
        if (this.pending.size >= ErrorLog.MAX_PENDING_GROUPS) {
          this.droppedCount += old.count;
          continue;
        }
        this.pending.set(old.fingerprint, old);
        continue;
      }
      current.count += old.count;
      current.critical ||= old.critical;
      current.firstAt = Math.min(current.firstAt, old.firstAt);
      for (const [hourStart, figures] of old.hours) {
        const hour = current.hours.get(hourStart) ?? { count: 0, totalMs: 0, maxMs: 0 };
        hour.count += figures.count;
        hour.totalMs += figures.totalMs;
        hour.maxMs = Math.max(hour.maxMs, figures.maxMs);
        current.hours.set(hourStart, hour);
      }
    }
  }

  /** Occurrences waiting for the next flush. */
  get pendingCount(): number {
    let count = 0;
    for (const group of this.pending.values()) count += group.count;
    return count;
  }
}
