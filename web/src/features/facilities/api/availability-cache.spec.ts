import { describe, expect, it } from '@jest/globals';
import type { AvailabilityChangedEvent, FacilityAvailability, FacilityDetail } from '@aiparksit/shared';
import { availabilityUpdate, facilityDetailUpdate } from './availability-cache';

function changed(overrides: Partial<AvailabilityChangedEvent> = {}): AvailabilityChangedEvent {
  return {
    facilityId: 'f1',
    spaceType: 'standard',
    period: { start: '2026-03-01T10:00:00Z', end: '2026-03-01T12:00:00Z' },
    availableNow: 2,
    capacity: 3,
    level: 'few',
    ...overrides,
  };
}

const WINDOW = { start: '2026-03-01T11:00:00Z', end: '2026-03-01T13:00:00Z' };

function availability(window = WINDOW, day = { start: '2026-03-01T00:00:00Z', hours: 24 }): FacilityAvailability {
  return {
    facilityId: 'f1',
    timeZone: 'UTC',
    window,
    perType: [{ spaceType: 'standard', level: 'few', available: 3, capacity: 3 }],
    quotes: [],
    timeline: Array.from({ length: day.hours }, (_, hour) => ({
      start: new Date(Date.parse(day.start) + hour * 3_600_000).toISOString(),
      localStart: `${String(hour).padStart(2, '0')}:00`,
      open: true,
      perType: [],
    })),
    windowProblems: [],
    fidelity: 'full',
  };
}

describe('availabilityUpdate', () => {
  it('refetches a window the changed bookings overlap', () => {
    expect(availabilityUpdate(availability(), WINDOW, changed())).toEqual({ kind: 'refetch' });
  });

  it("refetches when the bookings miss the window but fall in the day's timeline", () => {
    const evening = changed({ period: { start: '2026-03-01T20:00:00Z', end: '2026-03-01T21:00:00Z' } });
    expect(availabilityUpdate(availability(), WINDOW, evening)).toEqual({ kind: 'refetch' });
  });

  it('leaves the answer alone when the bookings are on another day', () => {
    const nextWeek = changed({ period: { start: '2026-03-08T10:00:00Z', end: '2026-03-08T12:00:00Z' } });
    expect(availabilityUpdate(availability(), WINDOW, nextWeek)).toEqual({ kind: 'unchanged' });
  });

  it('treats the window as half-open: a booking ending when it starts does not touch it', () => {
    const before = changed({ period: { start: '2026-03-01T09:00:00Z', end: '2026-03-01T11:00:00Z' } });
    expect(availabilityUpdate(availability(WINDOW, { start: '2026-03-01T11:00:00Z', hours: 2 }), WINDOW, before)).toEqual({ kind: 'unchanged' });
  });

  it('refetches every window when spaces or the publication changed (no period)', () => {
    const nextWeek = availability({ start: '2026-03-08T10:00:00Z', end: '2026-03-08T12:00:00Z' }, { start: '2026-03-08T00:00:00Z', hours: 24 });
    expect(availabilityUpdate(nextWeek, nextWeek.window, changed({ period: null }))).toEqual({ kind: 'refetch' });
  });

  it('judges a query still loading by the window it asked for', () => {
    expect(availabilityUpdate(undefined, WINDOW, changed())).toEqual({ kind: 'refetch' });
    expect(availabilityUpdate(undefined, WINDOW, changed({ period: { start: '2026-03-02T00:00:00Z', end: '2026-03-02T01:00:00Z' } }))).toEqual({
      kind: 'unchanged',
    });
  });
});

describe('facilityDetailUpdate', () => {
  const detail = {
    spaces: [
      { spaceType: 'standard', count: 3 },
      { spaceType: 'ev', count: 1 },
    ],
    spaceTypes: ['standard', 'ev'],
  } as FacilityDetail;

  it('writes the new capacity of the type into the listed spaces', () => {
    const update = facilityDetailUpdate(detail, changed({ capacity: 4, period: null }));
    expect(update).toEqual({
      kind: 'set',
      data: {
        ...detail,
        spaces: [
          { spaceType: 'standard', count: 4 },
          { spaceType: 'ev', count: 1 },
        ],
      },
    });
  });

  it('leaves it alone when a booking did not change the capacity', () => {
    expect(facilityDetailUpdate(detail, changed({ capacity: 3 }))).toEqual({ kind: 'unchanged' });
  });

  it('refetches when a type appears or its last space goes', () => {
    expect(facilityDetailUpdate(detail, changed({ spaceType: 'motorcycle', capacity: 2 }))).toEqual({ kind: 'refetch' });
    expect(facilityDetailUpdate(detail, changed({ spaceType: 'ev', capacity: 0 }))).toEqual({ kind: 'refetch' });
  });

  it('cannot use an event without numbers (anonymous fidelity)', () => {
    expect(facilityDetailUpdate(detail, changed({ capacity: null, availableNow: null }))).toEqual({ kind: 'unchanged' });
  });
});
