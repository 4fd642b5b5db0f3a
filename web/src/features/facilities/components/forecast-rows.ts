import type { AvailabilityLevel, AvailabilityTimelineHour, FacilityForecastBody, ForecastLevel, SpaceType } from '@aiparksit/shared';

export const FORECAST_LEVEL_LABELS: Record<ForecastLevel, string> = { low: 'Quiet', moderate: 'Moderate', high: 'Busy', full: 'Full' };

/** One hour of the facility page's chart: what is free, booked and expected of the chosen type. */
export interface ChartHour {
  start: string;
  localStart: string;
  open: boolean;
  /** The chosen type: null when the facility has none of it that hour. */
  free: { available: number | null; level: AvailabilityLevel } | null;
  /** Spaces of the chosen type booked or held that hour (capacity less free); null at coarse fidelity or without the type. */
  booked: number | null;
  /** The forecast's expected occupied spaces of the chosen type; null at coarse fidelity, beyond the model or without a forecast. */
  expected: number | null;
  expectedLevel: ForecastLevel | null;
}

/**
 * The availability timeline beside the forecast, hour by hour (matched by the hour's UTC start:
 * both cover the local day the window starts on). Booked and expected are both of the chosen
 * space type: the forecast asked is that type's.
 */
export function chartHours(timeline: readonly AvailabilityTimelineHour[], spaceType: SpaceType, forecast: FacilityForecastBody | null): ChartHour[] {
  const expectedAt = new Map((forecast?.hours ?? []).map((hour) => [hour.start, hour]));
  return timeline.map((hour) => {
    const entry = hour.perType.find((p) => p.spaceType === spaceType);
    const booked = entry && entry.available !== null && entry.capacity !== null ? Math.max(0, entry.capacity - entry.available) : null;
    const expected = expectedAt.get(hour.start);
    return {
      start: hour.start,
      localStart: hour.localStart,
      open: hour.open,
      free: entry ? { available: entry.available, level: entry.level } : null,
      booked,
      expected: expected?.expectedOccupied ?? null,
      expectedLevel: expected?.level ?? null,
    };
  });
}

/** Whether the chart can put booked and expected spaces on one axis: both known as numbers for every hour. */
export function comparesInSpaces(hours: readonly ChartHour[], forecast: FacilityForecastBody | null): boolean {
  return forecast !== null && forecast.capacity !== null && hours.length > 0 && hours.every((hour) => hour.booked !== null);
}

/** "9.6 expected", "Busy expected", or null when the forecast says nothing of the hour. */
export function expectedText(hour: ChartHour): string | null {
  if (hour.expected !== null) return `${hour.expected.toFixed(1)} expected`;
  return hour.expectedLevel ? `${FORECAST_LEVEL_LABELS[hour.expectedLevel]} expected` : null;
}
