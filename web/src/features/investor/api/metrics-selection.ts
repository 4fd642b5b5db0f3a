import {
  METRICS_COMPARISONS,
  METRICS_GRANULARITIES,
  presetDays,
  type MetricsComparison,
  type MetricsGranularity,
  type MetricsPeriod,
  type MetricsPreset,
  type MetricsQuery,
} from '@aiparksit/shared';

export const PERIOD_PRESETS = ['30d', '3m', '12m', 'ytd', 'custom'] as const satisfies readonly (MetricsPreset | 'custom')[];
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  '30d': 'Last 30 days',
  '3m': 'Last 3 months',
  '12m': 'Last 12 months',
  ytd: 'Year to date',
  custom: 'Custom',
};

export const COMPARISON_LABELS: Record<MetricsComparison, string> = {
  previous_period: 'Previous period',
  same_period_last_year: 'Same period last year',
};

/** `auto` leaves the bucket size to the API (day up to 62 days, week up to 184, month beyond). */
export type GranularityChoice = MetricsGranularity | 'auto';

/** What the investor pages keep in the address bar, so a link or a reload shows the same view. */
export interface MetricsSelection {
  preset: PeriodPreset;
  /**
   * First and last day, both included (`YYYY-MM-DD`): a custom period's own; for a preset, what it
   * means on the browser's calendar (the API's answer says the days it covers).
   */
  from: string;
  to: string;
  comparison: MetricsComparison;
  granularity: GranularityChoice;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a date in the browser's calendar. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function isRealDate(text: string | null): text is string {
  if (!text || !DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/**
 * The days a preset covers on the browser's calendar. The API works a preset out on the
 * platform's own calendar, which can be a day apart, so this is only what a custom period starts
 * from before the API has answered.
 */
export function presetRange(preset: MetricsPreset, now = new Date()): { from: string; to: string } {
  return presetDays(preset, localDate(now));
}

function oneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/** Reads the address bar; anything unknown or malformed falls back to the last 30 days against the previous period. */
export function selectionFromSearch(search: URLSearchParams, now = new Date()): MetricsSelection {
  const period = search.get('period');
  let preset: PeriodPreset = oneOf(PERIOD_PRESETS, period) ? period : '30d';
  const comparisonParam = search.get('comparison');
  const comparison = oneOf(METRICS_COMPARISONS, comparisonParam) ? comparisonParam : 'previous_period';
  const granularityParam = search.get('granularity');
  const granularity: GranularityChoice = oneOf(METRICS_GRANULARITIES, granularityParam) ? granularityParam : 'auto';
  let range: { from: string; to: string };
  if (preset === 'custom') {
    const from = search.get('from');
    const to = search.get('to');
    if (isRealDate(from) && isRealDate(to) && from <= to) range = { from, to };
    else {
      preset = '30d';
      range = presetRange('30d', now);
    }
  } else range = presetRange(preset, now);
  return { preset, ...range, comparison, granularity };
}

/** The address bar of a selection: a preset is stored by name (so a link follows the calendar), a custom period by its days. */
export function selectionToSearch(selection: MetricsSelection): URLSearchParams {
  const search = new URLSearchParams({ period: selection.preset });
  if (selection.preset === 'custom') {
    search.set('from', selection.from);
    search.set('to', selection.to);
  }
  if (selection.comparison !== 'previous_period') search.set('comparison', selection.comparison);
  if (selection.granularity !== 'auto') search.set('granularity', selection.granularity);
  return search;
}

/**
 * The metrics routes' query of a selection: a preset by name, for the API to work out on the
 * platform's calendar (the answer's period says which days it came to), a custom period by its days.
 */
export function selectionToQuery(selection: MetricsSelection): MetricsQuery {
  const query: MetricsQuery =
    selection.preset === 'custom'
      ? { from: selection.from, to: selection.to, comparison: selection.comparison }
      : { preset: selection.preset, comparison: selection.comparison };
  if (selection.granularity !== 'auto') query.granularity = selection.granularity;
  return query;
}

/** A period by its days: what reports are asked for. */
export type PeriodDaysQuery = MetricsQuery & { from: string; to: string };

/** The query of exactly the days an answer covered, as the API resolved them: what a report of the shown figures asks for. */
export function shownPeriodQuery(period: MetricsPeriod): PeriodDaysQuery {
  return { from: period.from, to: period.to, comparison: period.comparison, granularity: period.granularity };
}

/** Days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1;
}
