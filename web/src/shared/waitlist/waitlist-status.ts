import type { WaitlistEntryView, WaitlistStatus } from '@aiparksit/shared';
import { formatClock } from '../../lib/time-window';

/**
 * Where an entry stands as the driver reads it. The entry's own status is settled by a server job
 * a few seconds after its held booking changes, so an `offered` entry is read through its booking:
 * paid is already booked, and a hold past its end (or released) is already lapsed.
 */
export type WaitlistEntryState =
  | { kind: 'waiting'; position: number | null }
  | { kind: 'offered'; bookingId: string; holdExpiresAt: string | null }
  | { kind: 'booked'; bookingId: string | null }
  | { kind: 'lapsed' | 'left' | 'expired' };

export function entryStateOf(entry: WaitlistEntryView, now: number = Date.now()): WaitlistEntryState {
  const booking = entry.booking;
  switch (entry.status) {
    case 'waiting':
      return { kind: 'waiting', position: entry.position };
    case 'offered':
      if (booking?.status === 'confirmed' || booking?.status === 'completed') return { kind: 'booked', bookingId: booking.id };
      if (booking?.status === 'pending_payment' && (booking.holdExpiresAt === null || Date.parse(booking.holdExpiresAt) > now))
        return { kind: 'offered', bookingId: booking.id, holdExpiresAt: booking.holdExpiresAt };
      return { kind: 'lapsed' };
    case 'booked':
      return { kind: 'booked', bookingId: booking?.id ?? null };
    default:
      return { kind: entry.status };
  }
}

export const WAITLIST_STATE_LABELS: Record<WaitlistEntryState['kind'], string> = {
  waiting: 'Waiting for a space',
  offered: 'Space held for you',
  booked: 'Booked',
  lapsed: 'Offer lapsed',
  left: 'Left the line',
  expired: 'No space freed in time',
};

/** "1st", "2nd", "23rd": a place in line as people say it. */
export function ordinal(position: number): string {
  const tens = position % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[position % 10] ?? 'th');
  return `${position}${suffix}`;
}

/** Still in the line: waiting, or holding an offer not yet paid. What the page keeps refreshing for. */
export function isStillInLine(entry: Pick<WaitlistEntryView, 'status'>): boolean {
  const active: readonly WaitlistStatus[] = ['waiting', 'offered'];
  return active.includes(entry.status);
}

/**
 * The driver's entry for this very stay (car park, space type, start and end): the one still in
 * line, else one that got its space, so the page says "booked" rather than offering the line again.
 */
export function entryForStay(
  entries: readonly WaitlistEntryView[],
  stay: { facilityId: string; spaceType: string; start: string; end: string },
): WaitlistEntryView | null {
  const same = entries.filter(
    (entry) =>
      entry.facility.id === stay.facilityId &&
      entry.spaceType === stay.spaceType &&
      Date.parse(entry.start) === Date.parse(stay.start) &&
      Date.parse(entry.end) === Date.parse(stay.end),
  );
  return same.find(isStillInLine) ?? same.find((entry) => entry.status === 'booked') ?? null;
}

/** "until 14:32 (9 min left)": when a held space goes to the next in line, on the driver's own clock. */
export function holdEndsText(holdExpiresAt: string, now: number = Date.now(), timeZone?: string): string {
  const left = Date.parse(holdExpiresAt) - now;
  // Whole minutes still left, as a countdown says them: "9 min" until the last second of the ninth.
  const minutes = Math.floor(left / 60_000);
  const remaining = left <= 0 ? 'ended' : minutes < 1 ? 'under a minute left' : `${minutes} min left`;
  return `until ${formatClock(holdExpiresAt, timeZone)} (${remaining})`;
}
