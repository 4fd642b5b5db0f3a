import { Injectable } from '@nestjs/common';

export interface ErrorLogEntry {
  service: string;
  type: string;
  message: string;
  requestId?: string;
}

export interface ErrorLogRow extends ErrorLogEntry {
  count: number;
  firstAt: string;
  lastAt: string;
}

/**
 * Recent errors grouped by service, type and message, as the system-status page lists them.
 * Bounded: the oldest groups are dropped first, so a flood of distinct errors cannot grow memory.
 */
@Injectable()
export class ErrorLog {
  private readonly rows = new Map<string, ErrorLogRow>();
  private static readonly MAX_GROUPS = 500;
  private static readonly KEEP_MS = 24 * 60 * 60 * 1000;

  record(entry: ErrorLogEntry, now = new Date()): void {
    const key = `${entry.service}\u0000${entry.type}\u0000${entry.message}`;
    const existing = this.rows.get(key);
    const at = now.toISOString();
    if (existing) {
      this.rows.delete(key);
      this.rows.set(key, { ...existing, count: existing.count + 1, lastAt: at, ...(entry.requestId ? { requestId: entry.requestId } : {}) });
    } else {
      this.rows.set(key, { ...entry, count: 1, firstAt: at, lastAt: at });
      if (this.rows.size > ErrorLog.MAX_GROUPS) this.rows.delete(this.rows.keys().next().value as string);
    }
  }

  /** Groups seen in the last 24 hours, the most recent first. */
  recent(now = new Date()): ErrorLogRow[] {
    const since = now.getTime() - ErrorLog.KEEP_MS;
    return [...this.rows.values()].filter((r) => Date.parse(r.lastAt) >= since).sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  }
}
