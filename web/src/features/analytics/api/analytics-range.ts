import { ANALYTICS_GRANULARITIES, type AnalyticsGranularity, type AnalyticsQuery, type MetricsPreset } from '@aiparksit/shared';
import { lastDays, localDate } from './analytics';

export const RANGE_PRESETS = ['30d', '12m', 'custom'] as const satisfies readonly (MetricsPreset | 'custom')[];
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = { '30d': 'Last 30 days', '12m': 'Last 12 months', custom: 'Custom' };

/** What the revenue and occupancy pages keep in the address bar. */
export interface AnalyticsSelection {
  /** Empty: the whole portfolio. */
  facilityId: string;
  preset: RangePreset;
  /** Custom range, first and last day included (`YYYY-MM-DD`); for a preset, where a custom range would start (the browser's calendar). */
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
}

const DEFAULT_GRANULARITY: Record<RangePreset, AnalyticsGranularity> = { '30d': 'day', '12m': 'month', custom: 'day' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function selectionFromSearch(search: URLSearchParams, now = new Date()): AnalyticsSelection {
  const preset = (RANGE_PRESETS as readonly string[]).includes(search.get('range') ?? '') ? (search.get('range') as RangePreset) : '30d';
  const granularity = (ANALYTICS_GRANULARITIES as readonly string[]).includes(search.get('granularity') ?? '')
    ? (search.get('granularity') as AnalyticsGranularity)
    : DEFAULT_GRANULARITY[preset];
  const fallback = lastDays(30, now);
  const from = DATE.test(search.get('from') ?? '') ? search.get('from')! : fallback.from;
  const to = DATE.test(search.get('to') ?? '') ? search.get('to')! : localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate()));
  return { facilityId: search.get('facilityId') ?? '', preset, from, to, granularity };
}

export function selectionToSearch(selection: AnalyticsSelection): URLSearchParams {
  const search = new URLSearchParams({ range: selection.preset, granularity: selection.granularity });
  if (selection.facilityId) search.set('facilityId', selection.facilityId);
  if (selection.preset === 'custom') {
    search.set('from', selection.from);
    search.set('to', selection.to);
  }
  return search;
}

/** The granularity a preset starts with (a person may pick another). */
export function defaultGranularity(preset: RangePreset): AnalyticsGranularity {
  return DEFAULT_GRANULARITY[preset];
}

/**
 * The API query of a selection. A preset goes by name: the API ends it on each facility's own
 * today, whatever day the browser's clock shows. A custom range's dates stay local dates, which
 * the API reads in each facility's zone, so a portfolio across zones gets each car park's own
 * days; `to` is exclusive, so the last day is sent as the next one.
 */
export function selectionToQuery(selection: AnalyticsSelection): AnalyticsQuery {
  const facilityId = selection.facilityId || undefined;
  if (selection.preset !== 'custom') return { facilityId, preset: selection.preset, granularity: selection.granularity };
  const [y, m, d] = selection.to.split('-').map(Number) as [number, number, number];
  return { facilityId, from: selection.from, to: localDate(new Date(y, m - 1, d + 1)), granularity: selection.granularity };
}
