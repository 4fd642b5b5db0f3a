import { Injectable } from '@nestjs/common';
import {
  PRICE_CENTS_MAX,
  type BookingSeriesList,
  type BookingSeriesPayment,
  type BookingSeriesPreview,
  type BookingSeriesPreviewRequest,
  type BookingSeriesView,
  type BookingView,
  type CancelBookingSeriesResult,
  type CardInput,
  type CreateBookingSeriesRequest,
  type SkippedOccurrence,
  type WeeklyPattern,
} from '@aiparksit/shared';
import { mayAccess, type UserPrincipal } from '../access/index.js';
import { BookingsException, BookingsService, type PlannedOccurrence, type SeriesPlan } from '../bookings/index.js';
import { fieldError } from '../common/errors/index.js';
import { isUniqueViolation } from '../database/index.js';
import { PaymentsService } from '../payments/index.js';
import { BookingSeriesException } from './booking-series.exception.js';
import { BookingSeriesRepository, type SeriesRecord } from './booking-series.repository.js';
import { patternProblems, weeklyOccurrences } from './weekly-occurrences.js';

const notFound = () => new BookingSeriesException('series_not_found', 'No such booking series.');

/** A driver's list shows this many series, newest first. */
const LIST_LIMIT = 50;

function patternOf(request: WeeklyPattern): WeeklyPattern {
  return { weekdays: request.weekdays, startTime: request.startTime, endTime: request.endTime, firstDate: request.firstDate, weeks: request.weeks };
}

function skippedOf(occurrence: PlannedOccurrence): SkippedOccurrence {
  const refusal = occurrence.refusal ?? { code: 'no_space_available', message: 'Every space of the type was taken meanwhile.' };
  return { date: occurrence.date, start: occurrence.start.toISOString(), end: occurrence.end.toISOString(), ...refusal };
}

/**
 * Recurring bookings: a weekly pattern expanded on the facility's clock into ordinary bookings,
 * each checked and priced as a single booking, held together, paid with one charge.
 */
@Injectable()
export class BookingSeriesService {
  constructor(
    private readonly series: BookingSeriesRepository,
    private readonly bookings: BookingsService,
    private readonly payments: PaymentsService,
  ) {}

  /** Every occurrence, free or why not, with its price and the totals of both modes; nothing is held. */
  async preview(driver: UserPrincipal, request: BookingSeriesPreviewRequest, now = new Date()): Promise<BookingSeriesPreview> {
    const plan = await this.plan(driver, request, now);
    const free = plan.occurrences.filter((o) => o.free);
    const sum = (occurrences: PlannedOccurrence[]) => occurrences.reduce((total, o) => total + (o.amountCents ?? 0), 0);
    return {
      facilityId: request.facilityId,
      spaceType: request.spaceType,
      timeZone: plan.timeZone,
      currency: plan.currency,
      occurrences: plan.occurrences.map((o) => ({
        date: o.date,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        free: o.free,
        amountCents: o.amountCents,
        refusal: o.refusal,
      })),
      allTotalCents: free.length === plan.occurrences.length ? sum(free) : null,
      freeTotalCents: sum(free),
      freeCount: free.length,
    };
  }

  /**
   * Holds the occurrences in one transaction, all `pending_payment` with one hold expiry: in mode
   * `all` every one or none (409 naming those that cannot be held), in mode `free` the ones that
   * can be, the others kept as skipped with why. A series made before under the same
   * Idempotency-Key is answered as it is.
   */
  async create(driver: UserPrincipal, request: CreateBookingSeriesRequest, idempotencyKey: string, now = new Date()): Promise<BookingSeriesView> {
    const earlierId = await this.series.findIdByIdempotencyKey(driver.userId, idempotencyKey);
    if (earlierId) return this.get(driver, earlierId, now);
    const plan = await this.plan(driver, request, now);
    const refused = plan.occurrences.filter((o) => !o.free);
    if (request.mode === 'all' && refused.length > 0) this.refuseAll(refused.map(skippedOf));
    const toHold = plan.occurrences.filter((o) => o.free);
    if (toHold.length === 0) this.refuseNone(plan);
    if (toHold.reduce((total, o) => total + (o.amountCents ?? 0), 0) > PRICE_CENTS_MAX) {
      throw new BookingSeriesException('series_total_too_large', 'These stays together cost more than one payment can hold: book fewer weeks or days.');
    }

    const id = await this.series
      .transaction(async (tx) => {
        const seriesId = await this.series.insert(tx, {
          ...patternOf(request),
          driverId: driver.userId,
          facilityId: request.facilityId,
          spaceType: request.spaceType,
          vehiclePlate: plan.plate,
          mode: request.mode,
          currency: plan.currency,
          idempotencyKey,
        });
        const held = await this.bookings.holdSeriesOccurrences(tx, driver, { ...request, seriesId }, plan, toHold);
        const lost = toHold.filter((_, i) => !held[i]);
        // Taken between the check and the hold: in mode `all` that undoes the whole series (the transaction rolls back).
        if (request.mode === 'all' && lost.length > 0) this.refuseAll(lost.map(skippedOf));
        if (lost.length === toHold.length) this.refuseNone(plan);
        const totalCents = toHold.filter((_, i) => held[i]).reduce((total, o) => total + (o.amountCents ?? 0), 0);
        const skipped = plan.occurrences.filter((o) => !o.free || lost.includes(o)).map(skippedOf);
        await this.series.settle(tx, seriesId, totalCents, skipped);
        return seriesId;
      })
      .catch(async (error: unknown) => {
        // The same request held meanwhile under the same key (a retry racing a slow first attempt):
        // the index waited for that transaction to commit, so its series is the answer.
        if (!isUniqueViolation(error, 'booking_series_driver_idempotency_key')) throw error;
        const earlier = await this.series.findIdByIdempotencyKey(driver.userId, idempotencyKey);
        if (!earlier) throw error;
        return earlier;
      });
    return this.get(driver, id, now);
  }

  /** Its driver, the operator of its facility, or an admin; anyone else is told it does not exist. */
  async get(user: UserPrincipal, id: string, now = new Date()): Promise<BookingSeriesView> {
    const record = await this.series.findById(id);
    if (!record || !(mayAccess(user, record.driverId) || mayAccess(user, record.operatorOwnerId))) throw notFound();
    return this.view(record, await this.bookings.viewsOfSeries([id], now), now);
  }

  async listOwn(driver: UserPrincipal, now = new Date()): Promise<BookingSeriesList> {
    const records = await this.series.listByDriver(driver.userId, LIST_LIMIT);
    const occurrences = await this.bookings.viewsOfSeries(
      records.map((r) => r.id),
      now,
    );
    return {
      items: records.map((record) =>
        this.view(
          record,
          occurrences.filter((o) => o.seriesId === record.id),
          now,
        ),
      ),
    };
  }

  /** One charge for every held occurrence (see PaymentsService.paySeries); answers the paid series. */
  async pay(driver: UserPrincipal, id: string, card: CardInput, idempotencyKey: string, now = new Date()): Promise<BookingSeriesView> {
    const record = await this.series.findById(id);
    if (!record || !mayAccess(driver, record.driverId)) throw notFound();
    await this.payments.paySeries(driver, id, card, idempotencyKey);
    return this.get(driver, id, now);
  }

  /**
   * Cancels every occurrence that has not started, each by the booking's own cancel (and its
   * refund terms); the ones already started or over stay as they are.
   */
  async cancelRest(driver: UserPrincipal, id: string, now = new Date()): Promise<CancelBookingSeriesResult> {
    const record = await this.series.findById(id);
    if (!record || !mayAccess(driver, record.driverId)) throw notFound();
    const upcoming = (await this.bookings.viewsOfSeries([id], now)).filter(
      (o) => (o.status === 'pending_payment' || o.status === 'confirmed') && new Date(o.start).getTime() > now.getTime(),
    );
    let refundedCents = 0;
    let cancelledCount = 0;
    for (const occurrence of upcoming) {
      try {
        refundedCents += (await this.bookings.cancel(driver, occurrence.id, now)).refundedCents;
        cancelledCount++;
      } catch (error) {
        // Started or settled meanwhile: it keeps its state, the others are still cancelled.
        if (!(error instanceof BookingsException)) throw error;
      }
    }
    return { series: await this.get(driver, id, now), cancelledCount, refundedCents };
  }

  private plan(driver: UserPrincipal, request: BookingSeriesPreviewRequest, now: Date): Promise<SeriesPlan> {
    const pattern = patternOf(request);
    return this.bookings.planSeries(
      driver,
      { facilityId: request.facilityId, spaceType: request.spaceType, vehiclePlate: request.vehiclePlate },
      (timeZone) => {
        const problems = patternProblems(pattern, timeZone, now);
        if (problems.length > 0) {
          throw new BookingSeriesException('invalid_pattern', problems[0]!.message, {
            fields: problems.map((p) => fieldError(p.field, p.code, undefined, p.message)),
          });
        }
        return weeklyOccurrences(pattern, timeZone);
      },
      now,
    );
  }

  private refuseAll(unavailable: SkippedOccurrence[]): never {
    throw new BookingSeriesException(
      'occurrences_unavailable',
      `${unavailable.length} occurrence(s) cannot be booked (${unavailable.map((o) => o.date).join(', ')}): nothing was held. Book only the free ones, or change the pattern.`,
      { occurrences: unavailable },
    );
  }

  private refuseNone(plan: SeriesPlan): never {
    throw new BookingSeriesException('no_occurrence_free', 'Not one occurrence of this pattern can be booked: nothing was held.', {
      occurrences: plan.occurrences.map(skippedOf),
    });
  }

  private view(record: SeriesRecord, occurrences: BookingView[], now: Date): BookingSeriesView {
    const holds = occurrences.filter((o) => o.status === 'pending_payment' && o.holdExpiresAt && new Date(o.holdExpiresAt).getTime() > now.getTime());
    return {
      id: record.id,
      facility: { id: record.facilityId, name: record.facilityName, addressLine: record.addressLine, city: record.city, timeZone: record.timeZone },
      spaceType: record.spaceType,
      vehiclePlate: record.vehiclePlate,
      pattern: patternOf(record),
      mode: record.mode,
      totalCents: record.totalCents,
      currency: record.currency,
      holdExpiresAt: holds[0]?.holdExpiresAt ?? null,
      occurrences,
      skipped: record.skipped,
      payment: this.paymentOf(occurrences),
      createdAt: record.createdAt.toISOString(),
    };
  }

  /** The series' one charge, as the occurrences' shares of it add up. */
  private paymentOf(occurrences: BookingView[]): BookingSeriesPayment | null {
    const lines = occurrences.flatMap((o) =>
      o.payments.filter((line) => line.purpose === 'booking').map((line) => ({ line, testMode: o.payment?.testMode ?? false })),
    );
    const [first] = lines;
    if (!first) return null;
    return {
      amountCents: lines.reduce((total, { line }) => total + line.amountCents, 0),
      refundedCents: lines.reduce((total, { line }) => total + line.refundedCents, 0),
      cardBrand: first.line.cardBrand,
      cardLast4: first.line.cardLast4,
      testMode: first.testMode,
      paidAt: first.line.paidAt,
    };
  }
}
