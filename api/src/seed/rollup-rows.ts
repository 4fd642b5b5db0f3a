import { utcOffsetRuns } from '../facilities/opening-hours/index.js';
import type { SeedBooking } from './bookings.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Payments are made up to three weeks before a stay: the rollup days start that much earlier. */
const LEAD_DAYS = 30;

export interface RollupSpools {
  revenueDaily: { addLine(line: string): void };
  revenueHours: { addLine(line: string): void };
  occupancyDaily: { addLine(line: string): void };
  occupancyWeekdays: { addLine(line: string): void };
}

export const REVENUE_DAILY_COLUMNS = ['facility_id', 'day', 'currency', 'gross_cents', 'refund_cents', 'fee_cents', 'net_cents', 'bookings'];
export const REVENUE_HOURS_COLUMNS = ['facility_id', 'day', 'hour', 'currency', 'gross_cents', 'refund_cents', 'fee_cents', 'net_cents', 'bookings'];
export const OCCUPANCY_DAILY_COLUMNS = ['facility_id', 'day', 'booked_us', 'booked_us_by_hour'];
export const OCCUPANCY_WEEKDAYS_COLUMNS = ['facility_id', 'month', 'weekday', 'booked_us_by_hour'];

/**
 * The analytics rollup rows of the seeded bookings, worked out while they are generated, so the
 * seed copies them like any table instead of recomputing them in SQL from millions of bookings.
 * The rules are the rollup migration's: each UTC hour a booking's period touches, and each
 * payment's ledger lines, go to the facility's local day and hour of that UTC hour's start;
 * occupancy counts confirmed and completed bookings in microseconds; a paid booking is one
 * gross, platform-fee and operator-net line at its payment's instant, and a refunded one three
 * negative lines (refund, refund platform fee, refund operator net) at its cancellation's instant,
 * which count in the fee and net sums but not as bookings (the seed makes no extensions). A test
 * compares the result with the database's own recomputation.
 *
 * Bookings arrive facility by facility: one facility's days × 24 hours are summed in typed
 * arrays (exact: every sum stays far below 2^53) and written out when the next facility starts.
 */
export class RollupAccumulator {
  private readonly baseMs: number;
  private readonly hours: number;
  private readonly offsetsByZone = new Map<string, Int32Array>();
  private readonly occupancy: Float64Array;
  private readonly gross: Float64Array;
  private readonly fee: Float64Array;
  private readonly net: Float64Array;
  private readonly paid: Float64Array;
  private readonly refund: Float64Array;
  /** Ledger lines per hour: an hour with only a refund still has its row. */
  private readonly lines: Float64Array;
  private facility: { id: string; currency: string; offsets: Int32Array } | null = null;
  /** `YYYY-MM-DD` of each local day of the window, made once. */
  private readonly dayLabels: string[];
  /** The slots the current facility touched: only these days are written out and cleared. */
  private firstSlot = Number.POSITIVE_INFINITY;
  private lastSlot = -1;

  constructor(
    window: { from: number; to: number },
    private readonly spools: RollupSpools,
  ) {
    this.baseMs = Math.floor(window.from / DAY) * DAY - LEAD_DAYS * DAY;
    const days = Math.ceil((window.to - this.baseMs) / DAY) + 2;
    this.hours = days * 24;
    this.occupancy = new Float64Array(this.hours);
    this.gross = new Float64Array(this.hours);
    this.fee = new Float64Array(this.hours);
    this.net = new Float64Array(this.hours);
    this.paid = new Float64Array(this.hours);
    this.refund = new Float64Array(this.hours);
    this.lines = new Float64Array(this.hours);
    this.dayLabels = Array.from({ length: days }, (_, d) => new Date(this.baseMs + d * DAY).toISOString().slice(0, 10));
  }

  add(booking: SeedBooking): void {
    if (this.facility?.id !== booking.facility.id) {
      this.flush();
      this.facility = { id: booking.facility.id, currency: booking.facility.city.currency, offsets: this.offsetsOf(booking.facility.city.timeZone) };
    }
    const payment = booking.payment;
    if (payment) {
      const slot = this.slotOf(Math.floor(payment.createdAt / HOUR) * HOUR);
      this.gross[slot]! += payment.split.grossCents;
      this.fee[slot]! += payment.split.platformFeeCents;
      this.net[slot]! += payment.split.operatorNetCents;
      this.paid[slot]! += 1;
      this.lines[slot]! += 3;
      const refund = payment.refund;
      if (refund) {
        const at = this.slotOf(Math.floor(refund.at / HOUR) * HOUR);
        this.refund[at]! -= refund.split.grossCents;
        this.fee[at]! -= refund.split.platformFeeCents;
        this.net[at]! -= refund.split.operatorNetCents;
        this.lines[at]! += 3;
      }
    }
    if (booking.status !== 'confirmed' && booking.status !== 'completed') return;
    for (let h = Math.floor(booking.start / HOUR) * HOUR; h < booking.end; h += HOUR) {
      this.occupancy[this.slotOf(h)]! += (Math.min(booking.end, h + HOUR) - Math.max(booking.start, h)) * 1000;
    }
  }

  /** Writes out the last facility's rows. */
  finish(): void {
    this.flush();
    this.facility = null;
  }

  /** Index of the local day × hour a UTC hour is filed under. */
  private slotOf(utcHour: number): number {
    const index = (utcHour - this.baseMs) / HOUR;
    if (index < 0 || index >= this.hours) throw new RangeError(`an instant outside the seeded window: ${new Date(utcHour).toISOString()}`);
    const slot = index + this.facility!.offsets[index]! / HOUR;
    if (slot < 0 || slot >= this.hours) throw new RangeError(`a local hour outside the seeded window: ${new Date(utcHour).toISOString()}`);
    const whole = Math.floor(slot);
    if (whole < this.firstSlot) this.firstSlot = whole;
    if (whole > this.lastSlot) this.lastSlot = whole;
    return whole;
  }

  /** The zone's UTC offset at every UTC hour of the window. */
  private offsetsOf(timeZone: string): Int32Array {
    let offsets = this.offsetsByZone.get(timeZone);
    if (offsets) return offsets;
    offsets = new Int32Array(this.hours);
    const runs = utcOffsetRuns(this.baseMs, this.baseMs + this.hours * HOUR, timeZone);
    let r = 0;
    for (let i = 0; i < this.hours; i++) {
      const at = this.baseMs + i * HOUR;
      while (r < runs.length - 1 && runs[r]!.endMs <= at) r++;
      offsets[i] = runs[r]!.offsetMs;
    }
    this.offsetsByZone.set(timeZone, offsets);
    return offsets;
  }

  private flush(): void {
    const facility = this.facility;
    if (!facility) return;
    const { id, currency } = facility;
    // Hour slots per local month and ISO weekday ("2026-03-01|7"), in order of first appearance.
    const weekdays = new Map<string, Float64Array>();
    const from = Math.floor(this.firstSlot / 24) * 24;
    const to = this.lastSlot + 1;
    for (let start = from; start < to; start += 24) {
      const dayMs = this.baseMs + (start / 24) * DAY;
      const day = this.dayLabels[start / 24]!;
      let booked = 0;
      let dayPaid = 0;
      let dayLines = 0;
      let dayRefund = 0;
      let dayGross = 0;
      let dayFee = 0;
      let dayNet = 0;
      for (let h = 0; h < 24; h++) {
        const i = start + h;
        booked += this.occupancy[i]!;
        if (this.lines[i]! > 0) {
          dayLines += this.lines[i]!;
          dayPaid += this.paid[i]!;
          dayGross += this.gross[i]!;
          dayRefund += this.refund[i]!;
          dayFee += this.fee[i]!;
          dayNet += this.net[i]!;
          this.spools.revenueHours.addLine(
            `${id}\t${day}\t${h}\t${currency}\t${this.gross[i]}\t${this.refund[i]}\t${this.fee[i]}\t${this.net[i]}\t${this.paid[i]}\n`,
          );
        }
      }
      if (dayLines > 0) this.spools.revenueDaily.addLine(`${id}\t${day}\t${currency}\t${dayGross}\t${dayRefund}\t${dayFee}\t${dayNet}\t${dayPaid}\n`);
      if (booked > 0) {
        const slots = this.occupancy.subarray(start, start + 24);
        this.spools.occupancyDaily.addLine(`${id}\t${day}\t${booked}\t{${Array.from(slots).join(',')}}\n`);
        const key = `${day.slice(0, 8)}01\t${((Math.floor(dayMs / DAY) + 3) % 7) + 1}`; // 1 January 1970 was a Thursday (ISO 4)
        const sums = weekdays.get(key) ?? new Float64Array(24);
        for (let h = 0; h < 24; h++) sums[h]! += slots[h]!;
        weekdays.set(key, sums);
      }
    }
    for (const [key, sums] of weekdays) this.spools.occupancyWeekdays.addLine(`${id}\t${key}\t{${Array.from(sums).join(',')}}\n`);
    for (const sums of [this.occupancy, this.gross, this.fee, this.net, this.paid, this.refund, this.lines]) sums.fill(0, from, to);
    this.firstSlot = Number.POSITIVE_INFINITY;
    this.lastSlot = -1;
  }
}
