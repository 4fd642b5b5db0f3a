import { BOOKING_STATUSES, SPACE_TYPES, type BookingCreatedEvent, type BookingStatus, type SpaceType, type TimePeriod } from '@aiparksit/shared';

/** The channel the migration's triggers notify on. */
export const EVENTS_CHANNEL = 'aiparksit_events';

/** One committed change, as a trigger announced it (see migration RealtimeEvents1795500700000). */
export type DatabaseChange =
  | { kind: 'availability'; facilityId: string; spaceType: SpaceType; period: TimePeriod | null }
  | { kind: 'booking_created'; facilityId: string; operatorId: string; booking: BookingCreatedEvent }
  | { kind: 'revenue'; facilityId: string; operatorId: string }
  | { kind: 'facility'; facilityId: string; operatorId: string }
  /** An admin disabled the account (accounts/): its sockets close on every instance. */
  | { kind: 'user_disabled'; userId: string };

/**
 * Reads a trigger's payload. Anything else on the channel (a newer trigger this build does not
 * know, a hand-made NOTIFY) is `undefined`: the listener ignores it rather than failing.
 */
export function parseDatabaseChange(payload: string | undefined): DatabaseChange | undefined {
  if (!payload) return undefined;
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    raw = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (raw['k'] === 'ud') {
    const userId = text(raw['u']);
    return userId ? { kind: 'user_disabled', userId } : undefined;
  }
  const facilityId = text(raw['f']);
  if (!facilityId) return undefined;
  switch (raw['k']) {
    case 'a': {
      const spaceType = spaceTypeOf(raw['t']);
      if (!spaceType) return undefined;
      return { kind: 'availability', facilityId, spaceType, period: periodOf(raw['s'], raw['e']) };
    }
    case 'b': {
      const operatorId = text(raw['o']);
      const spaceType = spaceTypeOf(raw['t']);
      const period = periodOf(raw['s'], raw['e']);
      const status = raw['st'];
      const id = text(raw['id']);
      const code = text(raw['code']);
      if (!operatorId || !spaceType || !period || !id || !code || !isBookingStatus(status) || typeof raw['amt'] !== 'number') return undefined;
      return {
        kind: 'booking_created',
        facilityId,
        operatorId,
        booking: {
          id,
          code,
          facilityId,
          spaceType,
          start: period.start,
          end: period.end,
          status,
          amountCents: raw['amt'],
          currency: text(raw['cur']) ?? '',
          vehiclePlate: text(raw['pl']) ?? '',
        },
      };
    }
    case 'r':
    case 'f': {
      const operatorId = text(raw['o']);
      if (!operatorId) return undefined;
      return { kind: raw['k'] === 'r' ? 'revenue' : 'facility', facilityId, operatorId };
    }
    default:
      return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function spaceTypeOf(value: unknown): SpaceType | undefined {
  return (SPACE_TYPES as readonly unknown[]).includes(value) ? (value as SpaceType) : undefined;
}

function isBookingStatus(value: unknown): value is BookingStatus {
  return (BOOKING_STATUSES as readonly unknown[]).includes(value);
}

/** PostgreSQL renders timestamptz in JSON with an offset; clients get ISO UTC. */
function periodOf(start: unknown, end: unknown): TimePeriod | null {
  const s = typeof start === 'string' ? new Date(start) : undefined;
  const e = typeof end === 'string' ? new Date(end) : undefined;
  if (!s || !e || Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return null;
  return { start: s.toISOString(), end: e.toISOString() };
}

/** The smallest period covering both (either may be unknown: a change not tied to a booking). */
export function spanOf(a: TimePeriod | null, b: TimePeriod | null): TimePeriod | null {
  if (!a) return b;
  if (!b) return a;
  return { start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end };
}
