import { CITIES, LOCAL_EVENTS } from './catalog.js';
import { allBookings, planDataSet } from './data-set.js';
import { launchDay } from './demand.js';
import { SEED_CANCELLATION_POLICY, type SeedBooking } from './bookings.js';
import { openWindowUtc } from './opening-hours.js';
import { SCALES } from './scales.js';

const SEED = 99;
const ANCHOR = Date.parse('2026-12-07T00:00:00Z');
const DAY = 86_400_000;
const plan = planDataSet(SEED, SCALES.small, ANCHOR);
const bookings = [...allBookings(plan)];
const { calendar } = plan.context;

/** Local hour and weekday (0 = Sunday) of an instant in a zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function local(at: number, timeZone: string): { hour: number; weekday: number } {
  if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' }));
  const parts = formats.get(timeZone)!.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.find((p) => p.type === 'weekday')!.value);
  return { hour, weekday };
}
const monthOf = (b: SeedBooking) => calendar.monthOfDay[Math.floor((b.start - calendar.start) / DAY)]!;

describe('the small data set', () => {
  it('is the same for the same seed and anchor, ids and instants included', () => {
    const again = [...allBookings(planDataSet(SEED, SCALES.small, ANCHOR))];
    const digest = (list: SeedBooking[]) => list.map((b) => `${b.id}|${b.driver.id}|${b.start}|${b.end}|${b.status}|${b.payment?.refund?.at ?? ''}`);
    expect(digest(again)).toEqual(digest(bookings));
    expect(bookings.length).toBeGreaterThan(25_000);
    expect(bookings.length).toBeLessThan(35_000);
  });

  it('spans 18 months of history and upcoming weeks', () => {
    expect(ANCHOR - calendar.start).toBeGreaterThanOrEqual(18 * 30 * DAY);
    expect(Math.min(...bookings.map((b) => b.start))).toBeLessThan(calendar.start + 31 * DAY);
    expect(bookings.filter((b) => b.start >= ANCHOR && b.status === 'confirmed').length).toBeGreaterThan(500);
  });

  it('never lets two bookings of one space overlap, and keeps them inside the calendar', () => {
    const bySpace = new Map<string, SeedBooking[]>();
    for (const b of bookings) bySpace.set(b.space.id, [...(bySpace.get(b.space.id) ?? []), b]);
    const wrong: string[] = [];
    for (const list of bySpace.values()) {
      list.sort((a, b) => a.start - b.start);
      list.forEach((b, i) => {
        if (b.start >= b.end || b.end > calendar.end || (i > 0 && b.start < list[i - 1]!.end)) wrong.push(b.id);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('books only within opening hours where a car park closes', () => {
    const withHours = bookings.filter((b) => b.facility.openingHours !== null);
    expect(withHours.length).toBeGreaterThan(1_000);
    const outside = withHours.filter((b) => {
      const open = openWindowUtc(b.facility.openingHours, b.facility.city.timeZone, Math.floor(b.start / DAY) * DAY);
      return !open || b.start < open.opens || b.end > open.closes;
    });
    expect(outside.map((b) => b.id)).toEqual([]);
  });

  it('books nothing before its facility, its driver, its operator or its city existed', () => {
    const early = bookings.filter((b) => {
      const launch = calendar.start + launchDay(calendar, b.facility.city) * DAY;
      return (
        b.createdAt <= b.facility.createdAt.getTime() ||
        b.createdAt < launch ||
        b.createdAt <= b.driver.createdAt.getTime() ||
        b.createdAt >= Math.min(b.start, ANCHOR)
      );
    });
    expect(early.map((b) => b.id)).toEqual([]);
    for (const f of plan.facilities) {
      expect(f.createdAt.getTime()).toBeGreaterThan(f.operator.reviewedAt!.getTime());
      expect(f.createdAt.getTime()).toBeLessThan(ANCHOR);
    }
    for (const o of plan.operators) {
      expect(o.owner.createdAt.getTime()).toBeLessThanOrEqual(o.submittedAt.getTime());
      if (o.reviewedAt) expect(o.reviewedAt.getTime()).toBeGreaterThan(o.submittedAt.getTime());
      expect(o.submittedAt.getTime()).toBeLessThan(ANCHOR);
    }
  });

  it('opens cities at different dates, including GBP ones, in the four currencies', () => {
    const firstStay = new Map<string, number>();
    for (const b of bookings) firstStay.set(b.facility.city.name, Math.min(firstStay.get(b.facility.city.name) ?? Infinity, b.start));
    const launches = new Set(CITIES.map((c) => launchDay(calendar, c)));
    expect(launches.size).toBeGreaterThanOrEqual(6);
    expect(firstStay.get('Berlin')!).toBeLessThan(firstStay.get('London')! - 180 * DAY);
    expect(new Set(bookings.map((b) => b.facility.city.currency))).toEqual(new Set(['EUR', 'CHF', 'GBP', 'DKK']));
  });

  it('has an operator funnel: approved with and without facilities, waiting, rejected with a reason', () => {
    const statuses = plan.operators.map((o) => o.status);
    expect(statuses.filter((s) => s === 'submitted').length).toBe(SCALES.small.submittedOperators);
    expect(statuses.filter((s) => s === 'rejected').length).toBe(SCALES.small.rejectedOperators);
    for (const o of plan.operators) expect(o.rejectionReason !== null).toBe(o.status === 'rejected');
    const listing = new Set(plan.facilities.map((f) => f.operator));
    expect(plan.operators.some((o) => o.status === 'approved' && !listing.has(o))).toBe(true);
    const reviewDays = plan.operators.filter((o) => o.reviewedAt).map((o) => (o.reviewedAt!.getTime() - o.submittedAt.getTime()) / DAY);
    expect(Math.min(...reviewDays)).toBeLessThan(3);
    expect(Math.max(...reviewDays)).toBeGreaterThan(14);
  });

  it('grows: the last full quarter before the anchor is far busier than the first', () => {
    const perMonth = new Array<number>(calendar.monthStarts.length - 1).fill(0);
    for (const b of bookings) perMonth[monthOf(b)]! += 1;
    const anchorMonth = calendar.monthOfDay[calendar.anchorDay]!;
    const first = perMonth[0]! + perMonth[1]! + perMonth[2]!;
    const last = perMonth[anchorMonth - 1]! + perMonth[anchorMonth - 2]! + perMonth[anchorMonth - 3]!;
    expect(last).toBeGreaterThan(5 * first);
    expect(perMonth[anchorMonth - 1]!).toBeGreaterThan(perMonth[anchorMonth - 7]!);
  });

  it('fills business districts on weekday mornings and leisure districts at weekends', () => {
    const business = bookings.filter((b) => b.facility.district.character === 'business').map((b) => local(b.start, b.facility.city.timeZone));
    const leisure = bookings.filter((b) => b.facility.district.character === 'leisure').map((b) => local(b.start, b.facility.city.timeZone));
    const share = (list: { hour: number; weekday: number }[], test: (x: { hour: number; weekday: number }) => boolean) =>
      list.filter(test).length / list.length;
    const weekdayMorning = (x: { hour: number; weekday: number }) => x.weekday >= 1 && x.weekday <= 5 && x.hour >= 7 && x.hour < 10;
    const weekend = (x: { hour: number; weekday: number }) => x.weekday === 0 || x.weekday === 6;
    expect(share(business, weekdayMorning)).toBeGreaterThan(0.5);
    expect(share(leisure, weekdayMorning)).toBeLessThan(0.15);
    expect(share(leisure, weekend)).toBeGreaterThan(0.33);
    expect(share(business, weekend)).toBeLessThan(0.1);
  });

  it('spikes at the facilities near a local event on its days', () => {
    let compared = 0;
    for (const event of LOCAL_EVENTS) {
      const near = bookings.filter((b) => b.facility.city.name === event.city && b.facility.district.name === event.district && b.start < ANCHOR);
      for (let year = 2025; year <= 2026; year += 1) {
        const first = Date.UTC(year, event.month - 1, event.day);
        const last = first + event.days * DAY;
        const during = near.filter((b) => b.start >= first && b.start < last).length / event.days;
        const before = near.filter((b) => b.start >= first - 28 * DAY && b.start < first).length / 28;
        if (last > ANCHOR || before === 0) continue;
        compared += 1;
        expect({ event: event.name, year, spike: during > 1.5 * before }).toEqual({ event: event.name, year, spike: true });
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('cancels and refunds at realistic rates, refunds following the cancellation policy', () => {
    const past = bookings.filter((b) => b.end <= ANCHOR);
    const rate = (test: (b: SeedBooking) => boolean) => past.filter(test).length / past.length;
    expect(rate((b) => b.status === 'cancelled')).toBeGreaterThan(0.05);
    expect(rate((b) => b.status === 'cancelled')).toBeLessThan(0.12);
    expect(rate((b) => b.status === 'expired')).toBeGreaterThan(0.01);
    expect(rate((b) => b.status === 'expired')).toBeLessThan(0.05);
    const paid = bookings.filter((b) => b.payment);
    const refunded = paid.filter((b) => b.payment!.refund);
    expect(refunded.length / paid.length).toBeGreaterThan(0.03);
    expect(refunded.length / paid.length).toBeLessThan(0.1);
    const partly = refunded.filter((b) => b.payment!.refund!.split.grossCents < b.amountCents);
    expect(partly.length / refunded.length).toBeGreaterThan(0.1);
    expect(partly.length / refunded.length).toBeLessThan(0.4);
    const wrong = paid.filter((b) => {
      const refund = b.payment!.refund;
      if ((b.status === 'cancelled') !== (refund !== null) || b.payment!.split.platformFeeCents + b.payment!.split.operatorNetCents !== b.amountCents)
        return true;
      if (!refund) return false;
      const freeUntil = b.start - SEED_CANCELLATION_POLICY.freeCancelMinutes * 60_000;
      const due = refund.at < freeUntil ? b.amountCents : Math.floor((b.amountCents * SEED_CANCELLATION_POLICY.lateRefundPercent) / 100);
      return (
        refund.at !== b.cancelledAt ||
        refund.at <= b.confirmedAt! ||
        refund.at >= Math.min(b.start, ANCHOR) ||
        refund.split.grossCents !== due ||
        refund.split.platformFeeCents + refund.split.operatorNetCents !== due
      );
    });
    expect(wrong.map((b) => b.id)).toEqual([]);
    expect(bookings.filter((b) => (b.status === 'expired' || (b.status === 'cancelled' && !b.payment)) && b.confirmedAt !== null)).toEqual([]);
  });

  it('keeps commuters longer than occasional users, and brings some lapsed drivers back', () => {
    const months = new Map<string, Set<number>>();
    for (const b of bookings) if (b.payment && !b.driver.isDemoAccount) months.set(b.driver.id, (months.get(b.driver.id) ?? new Set()).add(monthOf(b)));
    const anchorMonth = calendar.monthOfDay[calendar.anchorDay]!;
    const retainedAfter3 = (habit: string) => {
      const cohort = plan.people.drivers.filter((d) => d.habit === habit && months.has(d.id) && Math.min(...months.get(d.id)!) < anchorMonth - 3);
      return cohort.filter((d) => months.get(d.id)!.has(Math.min(...months.get(d.id)!) + 3)).length / cohort.length;
    };
    expect(retainedAfter3('commuter')).toBeGreaterThan(0.5);
    expect(retainedAfter3('occasional')).toBeLessThan(0.3);
    expect(retainedAfter3('commuter')).toBeGreaterThan(2 * retainedAfter3('occasional'));
    const returned = [...months.values()].filter((set) => {
      const sorted = [...set].sort((a, b) => a - b);
      return sorted.some((m, i) => i > 0 && m - sorted[i - 1]! >= 3);
    });
    expect(returned.length).toBeGreaterThan(10);
  });

  it('gives the demo driver past and upcoming bookings and leaves canaries unbooked', () => {
    const demo = bookings.filter((b) => b.driver.isDemoAccount);
    expect(demo.some((b) => b.status === 'completed')).toBe(true);
    expect(demo.some((b) => b.status === 'confirmed' && b.start >= ANCHOR)).toBe(true);
    expect(bookings.some((b) => b.facility.isCanary)).toBe(false);
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
