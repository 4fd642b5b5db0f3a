import {
  METRICS_COMPARISONS,
  METRICS_GRANULARITIES,
  METRICS_MAX_PERIOD_DAYS,
  REPORT_FORMATS,
  REPORT_TYPES,
  type MetricsQuery,
  type ReportExportRequest,
} from '@aiparksit/shared';
import { ReportsException } from './reports.exception.js';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch of a real calendar date, or null (2026-02-30 is not one). */
export function epochDay(date: string): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/**
 * Checks a request the way the route's DTO does, for callers inside the API (the outbox job) that
 * do not pass through validation. Answers the metrics query the report is made of.
 */
export function metricsQueryOf(request: ReportExportRequest): MetricsQuery {
  const problems: string[] = [];
  if (!(REPORT_TYPES as readonly string[]).includes(request.type)) problems.push(`type must be one of ${REPORT_TYPES.join(', ')}`);
  if (!(REPORT_FORMATS as readonly string[]).includes(request.format)) problems.push(`format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (request.comparison !== undefined && !(METRICS_COMPARISONS as readonly string[]).includes(request.comparison))
    problems.push(`comparison must be one of ${METRICS_COMPARISONS.join(', ')}`);
  if (request.granularity !== undefined && !(METRICS_GRANULARITIES as readonly string[]).includes(request.granularity))
    problems.push(`granularity must be one of ${METRICS_GRANULARITIES.join(', ')}`);
  const from = epochDay(request.from);
  const to = epochDay(request.to);
  if (from === null) problems.push('from must be a date (YYYY-MM-DD)');
  if (to === null) problems.push('to must be a date (YYYY-MM-DD)');
  if (from !== null && to !== null) {
    if (to < from) problems.push('to must not be before from');
    else if (to - from + 1 > METRICS_MAX_PERIOD_DAYS) problems.push(`a report covers at most ${METRICS_MAX_PERIOD_DAYS} days`);
  }
  if (problems.length) throw new ReportsException('invalid_report_request', `The report request is not valid: ${problems.join('; ')}.`, { problems });
  return {
    from: request.from,
    to: request.to,
    comparison: request.comparison ?? 'previous_period',
    ...(request.granularity ? { granularity: request.granularity } : {}),
  };
}

export const CONTENT_TYPES = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8; header=present' } as const;

/** `aiparksit-market-2026-01-01-to-2026-12-31.pdf`: what, and for when. Only safe characters by construction. */
export function reportFilename(request: ReportExportRequest): string {
  return `aiparksit-${request.type}-${request.from}-to-${request.to}.${request.format}`;
}
