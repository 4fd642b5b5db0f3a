export type DependencyStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: DependencyStatus;
  /** Milliseconds the database took to answer `SELECT 1`, when it answered. */
  dbLatencyMs: number | null;
  version: string;
  uptimeSeconds: number;
  time: string;
}
