import type { FacilityAlternative, SpaceType } from '@aiparksit/shared';
import { ApiError } from '../../lib/api-error';
import { formatMoney } from '../../lib/money';

/**
 * How far around a full car park alternatives are looked for: the API's default radius, which is
 * also what a refused booking's `details.alternatives` were found within.
 */
export const ALTERNATIVES_RADIUS_METERS = 5000;

/** A car park's page with the window and space type already chosen, ready for "Book". */
export function facilityPagePath(facilityId: string, window: { start: string; end: string }, spaceType: SpaceType): string {
  const query = new URLSearchParams({ start: window.start, end: window.end, type: spaceType });
  return `/facilities/${facilityId}?${query.toString()}`;
}

/** Checkout of a car park for the window and space type, as its page's "Book" opens it. */
export function checkoutPath(facilityId: string, window: { start: string; end: string }, spaceType: SpaceType): string {
  const query = new URLSearchParams({ facility: facilityId, start: window.start, end: window.end, type: spaceType });
  return `/driver/checkout?${query.toString()}`;
}

/** "€2.50 cheaper", "€1.00 more", "same price"; null when the two prices cannot be compared. */
export function priceDifferenceText(differenceCents: number | null, currency: string): string | null {
  if (differenceCents === null) return null;
  if (differenceCents === 0) return 'same price';
  const amount = formatMoney(Math.abs(differenceCents), currency);
  return differenceCents < 0 ? `${amount} cheaper` : `${amount} more`;
}

/** "5 km", "500 m": the radius alternatives were looked for in, as the empty state says it. */
export function radiusText(meters: number): string {
  return meters >= 1000 ? `${Number((meters / 1000).toFixed(1))} km` : `${meters} m`;
}

/**
 * The nearby car parks a booking's 409 `no_space_available` offers (`details.alternatives`);
 * null for any other error, so the caller shows that error as it is.
 */
export function alternativesOfRefusal(error: unknown): FacilityAlternative[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.envelope?.details;
  if (details?.['code'] !== 'no_space_available') return null;
  const offered = details['alternatives'];
  if (!Array.isArray(offered)) return [];
  return offered.filter(
    (entry: Partial<FacilityAlternative> | null): entry is FacilityAlternative =>
      typeof entry?.facility?.id === 'string' && typeof entry.distanceMeters === 'number' && typeof entry.availability?.level === 'string',
  );
}
