import { bookingsOfSpace, bookingWindow } from './bookings.js';
import { generateFacilities, generateOperators, spacesOf } from './marketplace.js';
import { openWindowUtc } from './opening-hours.js';
import { generatePeople } from './people.js';
import { SCALES } from './scales.js';

const SEED = 99;
const ANCHOR = Date.parse('2026-03-29T00:00:00Z'); // the day Europe switches to summer time
const scale = SCALES.small;
const people = generatePeople(SEED, scale, ANCHOR);
const operators = generateOperators(SEED, scale, people.demoOperatorOwner, ANCHOR);
const facilities = generateFacilities(SEED, scale, operators, ANCHOR);
const window = bookingWindow(ANCHOR, scale);

function bookingsOf(facilityIndex: number) {
  const facility = facilities[facilityIndex]!;
  return spacesOf(SEED, facility).map((space, ordinal) => bookingsOfSpace(SEED, scale, window, facility, space, ordinal, people.drivers));
}

describe('bookingsOfSpace', () => {
  it('regenerates exactly the same bookings for the same seed', () => {
    expect(bookingsOf(5)).toEqual(bookingsOf(5));
  });

  it('never lets two bookings of one space overlap, and keeps them inside the window', () => {
    for (let f = 0; f < facilities.length; f += 1) {
      for (const bookings of bookingsOf(f)) {
        const sorted = [...bookings].sort((a, b) => a.start - b.start);
        for (let i = 0; i < sorted.length; i += 1) {
          expect(sorted[i]!.start).toBeLessThan(sorted[i]!.end);
          expect(sorted[i]!.start).toBeGreaterThanOrEqual(window.from);
          expect(sorted[i]!.end).toBeLessThanOrEqual(window.to);
          if (i > 0) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
        }
      }
    }
  });

  it('books only within opening hours where a car park closes', () => {
    const withHours = facilities.filter((f) => f.openingHours !== null && !f.isCanary).slice(0, 5);
    expect(withHours.length).toBeGreaterThan(0);
    for (const facility of withHours) {
      for (const bookings of bookingsOf(facility.index)) {
        for (const b of bookings) {
          const day = Math.floor(b.start / 86_400_000) * 86_400_000;
          const open = openWindowUtc(facility.openingHours, facility.city.timeZone, day);
          expect(open).not.toBeNull();
          expect(b.start).toBeGreaterThanOrEqual(open!.opens);
          expect(b.end).toBeLessThanOrEqual(open!.closes);
        }
      }
    }
  });

  it('derives status from the anchor and pays exactly the confirmed and completed ones', () => {
    for (const bookings of bookingsOf(1)) {
      for (const b of bookings) {
        if (b.end <= ANCHOR) expect(['completed', 'cancelled', 'expired']).toContain(b.status);
        if (b.start >= ANCHOR) expect(['confirmed', 'cancelled']).toContain(b.status);
        expect(b.payment !== null).toBe(b.status === 'confirmed' || b.status === 'completed');
        if (b.payment) expect(b.payment.split.platformFeeCents + b.payment.split.operatorNetCents).toBe(b.amountCents);
        expect(b.createdAt).toBeLessThan(Math.min(b.start, ANCHOR));
      }
    }
  });

  it('leaves canary facilities unbooked', () => {
    const canary = facilities.find((f) => f.isCanary)!;
    expect(bookingsOf(canary.index).flat()).toEqual([]);
  });
});

describe('openWindowUtc', () => {
  const hours = { mon: [['07:00', '22:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['07:00', '22:00']] } as const;
  const weekly = hours as unknown as Parameters<typeof openWindowUtc>[0];

  it('turns local opening hours into UTC across the summer-time switch', () => {
    // Sunday 29 March 2026: Berlin moves from UTC+1 to UTC+2 at 02:00, before opening.
    expect(openWindowUtc(weekly, 'Europe/Berlin', Date.parse('2026-03-29T00:00:00Z'))).toEqual({
      opens: Date.parse('2026-03-29T05:00:00Z'),
      closes: Date.parse('2026-03-29T20:00:00Z'),
    });
    expect(openWindowUtc(weekly, 'Europe/Berlin', Date.parse('2026-03-23T00:00:00Z'))).toEqual({
      opens: Date.parse('2026-03-23T06:00:00Z'),
      closes: Date.parse('2026-03-23T21:00:00Z'),
    });
  });

  it('answers null on a closed day and the whole local day when open 24/7', () => {
    expect(openWindowUtc(weekly, 'Europe/Berlin', Date.parse('2026-03-24T00:00:00Z'))).toBeNull();
    expect(openWindowUtc(null, 'Europe/Zurich', Date.parse('2026-01-10T00:00:00Z'))).toEqual({
      opens: Date.parse('2026-01-09T23:00:00Z'),
      closes: Date.parse('2026-01-10T23:00:00Z'),
    });
  });
});
