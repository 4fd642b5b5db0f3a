import {
  BOOKING_STATUSES,
  ERROR_SERVICES,
  SPACE_TYPES,
  type BookingChange,
  type BookingCreatedEvent,
  type BookingStatus,
  type BookingUpdatedEvent,
  type ErrorService,
  type SpaceType,
  type SystemErrorEvent,
  type TimePeriod,
  type WaitlistOfferedEvent,
} from '@aiparksit/shared';

/** The channel the migration's triggers notify on. */
export const EVENTS_CHANNEL = 'aiparksit_events';

/**
 * One committed change, as a trigger announced it (see migrations RealtimeEvents1795500700000 and
 * RealtimeCommitStamps1795502300000). `at` is the database's clock when the change's statement
 * finished (epoch ms), from the payload's `ts`; absent from notices sent by older triggers.
 */
export type DatabaseChange = (
  | { kind: 'availability'; facilityId: string; spaceType: SpaceType; period: TimePeriod | null }
  | { kind: 'booking_created'; facilityId: string; operatorId: string; booking: BookingCreatedEvent }
  | { kind: 'booking_updated'; facilityId: string; operatorId: string; booking: BookingUpdatedEvent }
  | { kind: 'revenue'; facilityId: string; operatorId: string }
  | { kind: 'facility'; facilityId: string; operatorId: string }
  /** An admin disabled the account (accounts/): its sockets close on every instance. */
  | { kind: 'user_disabled'; userId: string }
  | { kind: 'sessions_ended'; userId: string }
  /** A waitlist entry of the user got a held space (migration Waitlist1795504100000's `waitlist_offer`). */
  | { kind: 'waitlist_offered'; userId: string; offer: WaitlistOfferedEvent }
) & { at?: number };

/** An error group was recorded or counted again (the error-groups trigger's `{"k":"se","e":{...}}`). */
export interface SystemErrorNotice {
  kind: 'system_error';
  event: SystemErrorEvent;
}

/** Parses a notice on the channel: a facility change, a system error, or `undefined` for anything else. */
export function parseNotice(payload: string | undefined): DatabaseChange | SystemErrorNotice | undefined {
  const raw = jsonObject(payload);
  if (raw?.['k'] === 'se') return systemErrorOf(raw['e']);
  return parseDatabaseChange(payload);
}

function jsonObject(payload: string | undefined): Record<string, unknown> | undefined {
  if (!payload) return undefined;
  try {
    const parsed: unknown = JSON.parse(payload);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function systemErrorOf(value: unknown): SystemErrorNotice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  const fingerprint = text(e['fingerprint']);
  const service = (ERROR_SERVICES as readonly unknown[]).includes(e['service']) ? (e['service'] as ErrorService) : undefined;
  const lastAt = typeof e['lastAt'] === 'string' ? new Date(e['lastAt']) : undefined;
  if (!fingerprint || !service || !lastAt || Number.isNaN(lastAt.getTime()) || typeof e['count'] !== 'number') return undefined;
  return {
    kind: 'system_error',
    event: {
      fingerprint,
      service,
      type: text(e['type']) ?? '',
      message: typeof e['message'] === 'string' ? e['message'] : '',
      count: e['count'],
      lastAt: lastAt.toISOString(),
      critical: e['critical'] === true,
    },
  };
}

/**
 * Reads a trigger's payload. Anything else on the channel (a newer trigger this build does not
 * know, a hand-made NOTIFY) is `undefined`: the listener ignores it rather than failing.
 */
export function parseDatabaseChange(payload: string | undefined): DatabaseChange | undefined {
  const raw = jsonObject(payload);
  if (!raw) return undefined;
  const change = changeOf(raw);
  if (change && typeof raw['ts'] === 'number' && Number.isFinite(raw['ts'])) change.at = raw['ts'];
  return change;
}

function changeOf(raw: Record<string, unknown>): DatabaseChange | undefined {
  if (raw['k'] === 'ud') {
    const userId = text(raw['u']);
    return userId ? { kind: 'user_disabled', userId } : undefined;
  }
  if (raw['k'] === 'ue') {
    const userId = text(raw['u']);
    return userId ? { kind: 'sessions_ended', userId } : undefined;
  }
  const facilityId = text(raw['f']);
  if (!facilityId) return undefined;
  switch (raw['k']) {
    case 'wo': {
      const userId = text(raw['u']);
      const entryId = text(raw['id']);
      const bookingId = text(raw['b']);
      const spaceType = spaceTypeOf(raw['t']);
      const period = periodOf(raw['s'], raw['e']);
      const holdExpiresAt = typeof raw['x'] === 'string' ? new Date(raw['x']) : undefined;
      if (!userId || !entryId || !bookingId || !spaceType || !period || !holdExpiresAt || Number.isNaN(holdExpiresAt.getTime())) return undefined;
      return {
        kind: 'waitlist_offered',
        userId,
        offer: { entryId, bookingId, facilityId, spaceType, period, holdExpiresAt: holdExpiresAt.toISOString() },
      };
    }
    case 'a': {
      const spaceType = spaceTypeOf(raw['t']);
      if (!spaceType) return undefined;
      return { kind: 'availability', facilityId, spaceType, period: periodOf(raw['s'], raw['e']) };
    }
    case 'b':
    case 'bu': {
      const operatorId = text(raw['o']);
      const booking = bookingOf(raw, facilityId);
      if (!operatorId || !booking) return undefined;
      if (raw['k'] === 'b') return { kind: 'booking_created', facilityId, operatorId, booking };
      const previousStatus = raw['pst'];
      const previousEnd = periodOf(raw['s'], raw['pe'])?.end;
      if (!isBookingStatus(previousStatus) || !previousEnd) return undefined;
      return {
        kind: 'booking_updated',
        facilityId,
        operatorId,
        booking: { ...booking, change: bookingChange(previousStatus, booking.status, previousEnd, booking.end), previousStatus, previousEnd },
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

function bookingOf(raw: Record<string, unknown>, facilityId: string): BookingCreatedEvent | undefined {
  const spaceType = spaceTypeOf(raw['t']);
  const period = periodOf(raw['s'], raw['e']);
  const status = raw['st'];
  const id = text(raw['id']);
  const code = text(raw['code']);
  if (!spaceType || !period || !id || !code || !isBookingStatus(status) || typeof raw['amt'] !== 'number') return undefined;
  return {
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
  };
}

/** What the operator is told happened, from the status and end before and after. */
export function bookingChange(previousStatus: BookingStatus, status: BookingStatus, previousEnd: string, end: string): BookingChange {
  if (status !== previousStatus) {
    switch (status) {
      case 'confirmed':
        return 'paid';
      case 'cancelled':
        return 'cancelled';
      case 'expired':
        return 'expired';
      case 'completed':
        return 'completed';
      case 'pending_payment':
        return 'changed';
    }
  }
  return end > previousEnd ? 'extended' : 'changed';
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
