import { Injectable, Logger } from '@nestjs/common';
import {
  PRICE_CENTS_MAX,
  type BookingExtensionView,
  type BookingList,
  type BookingListFilter,
  type BookingPaymentLine,
  type BookingView,
  type BookingWindowViolation,
  type CancelBookingResult,
  type CreateBookingRequest,
  type ExtendBookingRequest,
  type FacilityAlternative,
  type PriceQuote,
  type Rate,
  type SpaceType,
} from '@aiparksit/shared';
import { mayAccess, type UserPrincipal } from '../access/index.js';
import { AlternativesService } from '../facilities/index.js';
import { fieldError } from '../common/errors/index.js';
import { AppConfig } from '../config/index.js';
import { validateBookingWindow, type TimeWindow } from '../facilities/opening-hours/index.js';
import { quoteForWindow } from '../facilities/pricing/index.js';
import { BOOKING_CANCELLATION_EMAIL, VEHICLE_CHANGE_EMAIL, type BookingCancellationPayload, type VehicleChangePayload } from '../notifications/index.js';
import { PaymentsService } from '../payments/index.js';
import type { SqlTransaction } from '../database/index.js';
import type { BookableFacility, BookingRecord } from './booking.record.js';
import { BookingsException } from './bookings.exception.js';
import { BookingsRepository, type FacilityBlackout } from './bookings.repository.js';
import { cancellationTerms } from './cancellation-policy.js';
import { normalizeVehiclePlate } from './vehicle-plate.js';
import { TelemetryRegistry } from '../telemetry/counters/index.js';

/** What a series books at each occurrence. */
export interface SeriesStay {
  facilityId: string;
  spaceType: SpaceType;
  vehiclePlate: string;
}

/** One occurrence of a series as the booking rules see it: its quoted window and price, free or why not. */
export interface PlannedOccurrence {
  date: string;
  start: Date;
  end: Date;
  amountCents: number | null;
  free: boolean;
  refusal: { code: string; message: string } | null;
}

export interface SeriesPlan {
  timeZone: string;
  currency: string;
  plate: string;
  occurrences: PlannedOccurrence[];
}

/** A driver booking "from now" with the form open a while is not booking the past. */
export const START_GRACE_MINUTES = 5;

const notFound = () => new BookingsException('booking_not_found', 'No such booking.');

@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly payments: PaymentsService,
    private readonly config: AppConfig,
    private readonly telemetry: TelemetryRegistry,
    private readonly alternatives: AlternativesService,
  ) {}

  /**
   * Checks every rule, prices the window, and holds a free space of the type as `pending_payment`.
   * A hold already made under the same Idempotency-Key (by an instance that died before storing
   * its answer, the key since taken over) is answered as it is rather than held twice.
   */
  async create(driver: UserPrincipal, request: CreateBookingRequest, idempotencyKey: string, now = new Date()): Promise<BookingView> {
    this.requireVerifiedEmail(driver);
    const window = { start: new Date(request.start), end: new Date(request.end) };
    const { facility, earlierId } = await this.bookings.findForHold(request.facilityId, request.spaceType, window, driver.userId, idempotencyKey);
    if (earlierId) return this.view((await this.bookings.findById(earlierId))!, now);
    const { plate, quote, quoteStart, quoteEnd, currency } = this.stayOrThrow(facility, request, window, now);
    const held = await this.bookings.holdFreeSpace({
      driverId: driver.userId,
      facilityId: request.facilityId,
      spaceType: request.spaceType,
      start: quoteStart,
      end: quoteEnd,
      vehiclePlate: plate,
      amountCents: quote.totalCents,
      currency,
      holdMinutes: this.config.values.bookingHoldMinutes,
      idempotencyKey,
    });
    if (!held) {
      throw new BookingsException('no_space_available', `No ${request.spaceType} space is free for the whole of this window.`, {
        spaceType: request.spaceType,
        alternatives: await this.alternativesOrNone(request.facilityId, request.spaceType, window, now),
      });
    }
    this.telemetry.bookingCreated();
    return this.view(held, now);
  }

  /**
   * Where else the driver can park for the window, for the 409 that refuses this one. The refusal
   * stands without them: a failure to find them is logged, never turned into a 500.
   */
  private async alternativesOrNone(facilityId: string, spaceType: SpaceType, window: TimeWindow, now: Date): Promise<FacilityAlternative[]> {
    try {
      return await this.alternatives.forRefusedBooking(facilityId, spaceType, window, now);
    } catch (error) {
      this.logger.warn(`Alternatives for a full facility ${facilityId} failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /**
   * Every rule a booking of the stay must pass, without holding anything: for the waitlist, which
   * takes only stays that could be booked were a space free. Answers the normalised plate and the
   * window's quote (its bounds as the hold would take them), or throws the booking's own errors.
   */
  async checkStay(driver: UserPrincipal, request: CreateBookingRequest, now = new Date()): Promise<{ plate: string; quote: PriceQuote; currency: string }> {
    this.requireVerifiedEmail(driver);
    const window = { start: new Date(request.start), end: new Date(request.end) };
    const { facility } = await this.bookings.findForHold(request.facilityId, request.spaceType, window, driver.userId, null);
    const { plate, quote, currency } = this.stayOrThrow(facility, request, window, now);
    return { plate, quote, currency };
  }

  /**
   * Every occurrence of a series checked by the rules of a single booking and priced by
   * `quoteForWindow`, and whether a space is free for it; nothing is held. Problems of the stay as
   * a whole (plate, facility, space type) throw the booking's own errors; an occurrence that
   * breaks a rule is answered with the rule's code instead. `expand` gives the occurrences once
   * the facility's zone is known.
   */
  async planSeries(
    driver: UserPrincipal,
    stay: SeriesStay,
    expand: (timeZone: string) => { date: string; start: Date; end: Date }[],
    now = new Date(),
  ): Promise<SeriesPlan> {
    const plate = this.plateOrThrow(stay.vehiclePlate);
    const known = await this.bookings.findBookableFacility(stay.facilityId, stay.spaceType);
    if (!known) throw new BookingsException('facility_not_found', 'No such facility.');
    if (!known.rate) throw new BookingsException('space_type_not_offered', `This facility has no ${stay.spaceType} spaces.`, { spaceType: stay.spaceType });
    const windows = expand(known.timeZone);
    if (windows.length === 0) return { timeZone: known.timeZone, currency: known.currency, plate, occurrences: [] };
    // One read of the facility with every blackout of the whole span; stayOrThrow keeps those of each occurrence.
    const span = { start: windows[0]!.start, end: windows[windows.length - 1]!.end };
    const { facility } = await this.bookings.findForHold(stay.facilityId, stay.spaceType, span, driver.userId, null);
    const checked = windows.map((window) => {
      try {
        const { quote, quoteStart, quoteEnd } = this.stayOrThrow(
          facility,
          { ...stay, start: window.start.toISOString(), end: window.end.toISOString() },
          window,
          now,
        );
        return { date: window.date, start: quoteStart, end: quoteEnd, amountCents: quote.totalCents, refusal: null };
      } catch (error) {
        if (!(error instanceof BookingsException)) throw error;
        return { date: window.date, start: window.start, end: window.end, amountCents: null, refusal: { code: error.code, message: error.message } };
      }
    });
    const bookable = checked.filter((o) => !o.refusal);
    const free = bookable.length ? await this.bookings.freeForWindows(stay.facilityId, stay.spaceType, bookable) : [];
    const freeOf = new Map(bookable.map((o, i) => [o, free[i]!]));
    const occurrences = checked.map((o): PlannedOccurrence => {
      if (o.refusal) return { ...o, free: false };
      if (freeOf.get(o)) return { ...o, free: true };
      return { ...o, free: false, refusal: { code: 'no_space_available', message: `No ${stay.spaceType} space is free for the whole of this occurrence.` } };
    });
    return { timeZone: known.timeZone, currency: known.currency, plate, occurrences };
  }

  /**
   * Holds each planned occurrence as `pending_payment` in the series' transaction, all with one
   * hold expiry; answers the held booking's id per occurrence, undefined where every space of the
   * type was taken meanwhile. The caller decides whether a gap undoes the whole series.
   */
  async holdSeriesOccurrences(
    tx: SqlTransaction,
    driver: UserPrincipal,
    stay: SeriesStay & { seriesId: string },
    plan: Pick<SeriesPlan, 'plate' | 'currency'>,
    occurrences: PlannedOccurrence[],
  ): Promise<(string | undefined)[]> {
    this.requireVerifiedEmail(driver);
    const held: (string | undefined)[] = [];
    for (const occurrence of occurrences) {
      const id = await this.bookings.holdSeriesOccurrence(tx, {
        driverId: driver.userId,
        facilityId: stay.facilityId,
        spaceType: stay.spaceType,
        start: occurrence.start,
        end: occurrence.end,
        vehiclePlate: plan.plate,
        amountCents: occurrence.amountCents ?? 0,
        currency: plan.currency,
        holdMinutes: this.config.values.bookingHoldMinutes,
        seriesId: stay.seriesId,
      });
      if (id) this.telemetry.bookingCreated();
      held.push(id);
    }
    return held;
  }

  /** The occurrences of the series as booking views, earliest first. Access is the caller's to check. */
  async viewsOfSeries(seriesIds: string[], now = new Date()): Promise<BookingView[]> {
    if (seriesIds.length === 0) return [];
    return (await this.bookings.listBySeries(seriesIds)).map((record) => this.view(record, now));
  }

  /** A booking sends its confirmation and QR code by email: the address must be the driver's. */
  private requireVerifiedEmail(driver: UserPrincipal): void {
    if (!driver.emailVerified) {
      throw new BookingsException(
        'email_not_verified',
        'Confirm your email address before booking: open the link in the email we sent you, or ask for a new one from your account page.',
      );
    }
  }

  private stayOrThrow(
    facility: (BookableFacility & { blackouts: FacilityBlackout[] }) | undefined,
    request: CreateBookingRequest,
    window: TimeWindow,
    now: Date,
  ): { plate: string; quote: PriceQuote; quoteStart: Date; quoteEnd: Date; currency: string } {
    const plate = this.plateOrThrow(request.vehiclePlate);
    if (!facility) throw new BookingsException('facility_not_found', 'No such facility.');
    const rate = facility.rate;
    if (!rate) throw new BookingsException('space_type_not_offered', `This facility has no ${request.spaceType} spaces.`, { spaceType: request.spaceType });
    this.throwViolations(this.windowViolations(facility, window, now));

    const quote = this.quoteOrRefuse(rate, window, facility.timeZone, request.spaceType);
    // Blackouts of some spaces only leave the others bookable; the allocation skips those spaces.
    const [quoteStart, quoteEnd] = [new Date(quote.start), new Date(quote.end)];
    const blackout = facility.blackouts.find((b) => b.start < quoteEnd && quoteStart < b.end);
    if (blackout) {
      throw new BookingsException('blacked_out', `The facility takes no new ${request.spaceType} bookings during this window.`, {
        blackout: { start: blackout.start.toISOString(), end: blackout.end.toISOString(), reason: blackout.reason },
      });
    }
    return { plate, quote, quoteStart, quoteEnd, currency: facility.currency };
  }

  /** One page of the driver's own bookings under a filter, with the count behind each filter. */
  async listOwn(user: UserPrincipal, query: { filter: BookingListFilter; page: number; pageSize: number }, now = new Date()): Promise<BookingList> {
    const [records, counts] = await Promise.all([
      this.bookings.listByDriver(user.userId, query.filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }, now),
      this.bookings.countByDriver(user.userId, now),
    ]);
    return {
      items: records.map((record) => this.view(record, now)),
      page: query.page,
      pageSize: query.pageSize,
      total: counts[query.filter],
      filter: query.filter,
      counts,
    };
  }

  /** Its driver, the operator of its facility, or an admin; anyone else is told it does not exist. */
  async get(user: UserPrincipal, id: string, now = new Date()): Promise<BookingView> {
    const record = await this.bookings.findById(id);
    if (!record || !(mayAccess(user, record.driverId) || mayAccess(user, record.operatorOwnerId))) throw notFound();
    return this.view(record, now);
  }

  /** Cancels by the stated terms; a paid booking is refunded through its processor in the same transaction. */
  async cancel(user: UserPrincipal, id: string, now = new Date()): Promise<CancelBookingResult> {
    const refundedCents = await this.bookings.transaction(async (tx) => {
      const record = await this.bookings.lockById(tx, id);
      if (!record || !mayAccess(user, record.driverId)) throw notFound();
      if (record.passId) throw this.passRefusal(record.passId);
      const terms = this.termsOf(record, now);
      if (!terms.cancellableNow) {
        if (record.status === 'confirmed')
          throw new BookingsException('cancellation_closed', 'This booking has started and can no longer be cancelled.', { freeUntil: terms.freeUntil });
        throw new BookingsException('booking_not_cancellable', `A ${record.status.replace('_', ' ')} booking cannot be cancelled.`, { status: record.status });
      }
      const refunded =
        terms.refundableNowCents > 0
          ? await this.payments.refund(
              tx,
              { bookingId: record.id, operatorId: record.operatorId, facilityId: record.facilityId, currency: record.currency },
              terms.refundableNowCents,
            )
          : 0;
      await this.bookings.markCancelled(tx, record.id);
      // A hold never paid was never confirmed by email either: letting it go needs no notice.
      if (record.status === 'confirmed') {
        const email: BookingCancellationPayload = { bookingId: record.id, testMode: this.payments.isTestMode(record.paymentProvider) };
        await this.bookings.enqueueEmail(tx, BOOKING_CANCELLATION_EMAIL, email);
      }
      return refunded;
    });
    this.telemetry.bookingCancelled();
    return { booking: this.view((await this.bookings.findById(id))!, now), refundedCents };
  }

  /**
   * Holds a later end on the same space, priced as quote(new window) − quote(old window), until
   * paid through `POST /api/payments` with the extension's id. Taken → 409 saying whether another
   * space of the type is free for the whole new window.
   */
  async extend(user: UserPrincipal, id: string, request: ExtendBookingRequest, now = new Date()): Promise<BookingExtensionView> {
    const newEnd = new Date(request.end);
    const record = await this.bookings.findById(id);
    if (!record || !mayAccess(user, record.driverId)) throw notFound();
    if (record.passId) throw this.passRefusal(record.passId);
    if (record.status !== 'confirmed' || record.end.getTime() <= now.getTime()) {
      throw new BookingsException('booking_not_extendable', 'Only a paid booking that has not ended can be extended.', { status: record.status });
    }
    if (Number.isNaN(newEnd.getTime()) || newEnd.getTime() <= record.end.getTime()) {
      throw new BookingsException('extension_not_later', 'The new end must be later than the current end.', { currentEnd: record.end.toISOString() });
    }
    const facility = await this.bookings.findBookableFacility(record.facilityId, record.spaceType);
    if (!facility?.rate) throw notFound();
    const window = { start: record.start, end: newEnd };
    // The booking may have begun already; what matters is the new end and the whole stay's length.
    this.throwViolations(this.windowViolations(facility, window, now).filter((v) => v.code !== 'start_in_past' && v.code !== 'shorter_than_minimum'));

    const amountCents = Math.max(
      0,
      this.quoteOrRefuse(facility.rate, window, facility.timeZone, record.spaceType).totalCents -
        this.quoteOrRefuse(facility.rate, { start: record.start, end: record.end }, facility.timeZone, record.spaceType).totalCents,
    );
    // Paying adds the extension to the booking's amount; one priced under an older rate may not have room for it.
    if (record.amountCents + amountCents > PRICE_CENTS_MAX) {
      throw new BookingsException('rate_unavailable', 'The booking with this extension would cost more than the largest price a booking can hold.', {
        spaceType: record.spaceType,
      });
    }
    const held = await this.bookings.transaction(async (tx) => {
      const locked = await this.bookings.lockById(tx, id);
      if (!locked || locked.status !== 'confirmed' || locked.end.getTime() !== record.end.getTime()) {
        throw new BookingsException('booking_not_extendable', 'The booking changed meanwhile; look at it again.');
      }
      return this.bookings.holdExtension(tx, locked, newEnd, amountCents, this.config.values.bookingHoldMinutes);
    });
    if (held) return held;
    const otherFree = await this.bookings.countOtherFreeSpaces(record.facilityId, record.spaceType, record.start, newEnd, record.spaceId);
    throw new BookingsException(
      'space_taken',
      otherFree > 0
        ? `Your space is booked by someone else after your current end, but ${otherFree} other ${record.spaceType} space(s) are free for the whole new window: book one of them.`
        : 'Your space is booked by someone else after your current end, and no other space of its type is free for the whole new window.',
      { alternativeAvailable: otherFree > 0, alternativeFreeSpaces: otherFree, spaceType: record.spaceType, facilityId: record.facilityId },
    );
  }

  async changeVehicle(user: UserPrincipal, id: string, vehiclePlate: string, now = new Date()): Promise<BookingView> {
    const plate = this.plateOrThrow(vehiclePlate);
    const record = await this.bookings.findById(id);
    if (!record || !mayAccess(user, record.driverId)) throw notFound();
    if ((record.status !== 'pending_payment' && record.status !== 'confirmed') || record.start.getTime() <= now.getTime()) {
      throw new BookingsException('vehicle_change_closed', 'The vehicle can only be changed before the booking starts.');
    }
    if (plate === record.vehiclePlate) return this.view(record, now);
    await this.bookings.transaction(async (tx) => {
      await this.bookings.updateVehiclePlate(tx, id, plate);
      // Only a confirmed booking has had an email naming its plate; a hold's plate shows at payment.
      if (record.status === 'confirmed') {
        const email: VehicleChangePayload = { bookingId: id, previousPlate: record.vehiclePlate };
        await this.bookings.enqueueEmail(tx, VEHICLE_CHANGE_EMAIL, email);
      }
    });
    return this.view({ ...record, vehiclePlate: plate }, now);
  }

  private passRefusal(passId: string): BookingsException {
    return new BookingsException('booking_is_pass', 'This booking is a monthly pass: see or cancel it under your passes.', { passId });
  }

  /** The window's price; a stored rate that cannot price it is a 409 naming it, not a 500. */
  private quoteOrRefuse(rate: Rate, window: TimeWindow, timeZone: string, spaceType: SpaceType): PriceQuote {
    try {
      return quoteForWindow(rate, window, timeZone);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new BookingsException('rate_unavailable', `This facility's ${spaceType} rate cannot price this window; its operator has to correct the rate.`, {
        spaceType,
      });
    }
  }

  private plateOrThrow(raw: string): string {
    const plate = normalizeVehiclePlate(raw);
    if (!plate) {
      throw new BookingsException('invalid_vehicle_plate', 'A plate has 2–10 letters, digits, spaces or dashes, and starts and ends with a letter or digit.', {
        field: 'vehiclePlate',
      });
    }
    return plate;
  }

  private windowViolations(facility: BookableFacility, window: { start: Date; end: Date }, now: Date): BookingWindowViolation[] {
    return validateBookingWindow({
      window,
      now,
      graceMinutes: START_GRACE_MINUTES,
      minDurationMinutes: facility.minDurationMinutes,
      maxDurationMinutes: facility.maxDurationMinutes,
      openingHours: facility.openingHours,
      timeZone: facility.timeZone,
    });
  }

  /** The first broken rule is the error's code; all of them are listed in details. */
  private throwViolations(violations: BookingWindowViolation[]): void {
    const [first] = violations;
    if (!first) return;
    // A start in the past is the start field's problem, worded by clients from its field code.
    const fields = violations.some((v) => v.code === 'start_in_past')
      ? [fieldError('start', 'in_the_past', undefined, 'The booking cannot start in the past.')]
      : [];
    throw new BookingsException(first.code, first.message, { violations, ...(fields.length ? { fields } : {}) });
  }

  private termsOf(record: BookingRecord, now: Date) {
    const { freeCancelMinutes, lateRefundPercent } = {
      freeCancelMinutes: this.config.values.bookingFreeCancelMinutes,
      lateRefundPercent: this.config.values.bookingLateRefundPercent,
    };
    const refundableCents = (record.paidCents ?? 0) - (record.refundedCents ?? 0);
    return cancellationTerms({ status: record.status, start: record.start, refundableCents }, { freeCancelMinutes, lateRefundPercent }, now);
  }

  private view(record: BookingRecord, now: Date): BookingView {
    const paid = record.paidCents ?? 0;
    const refunded = record.refundedCents ?? 0;
    return {
      id: record.id,
      code: record.code,
      status: record.status,
      facility: { id: record.facilityId, name: record.facilityName, addressLine: record.addressLine, city: record.city, timeZone: record.timeZone },
      spaceType: record.spaceType,
      spaceLabel: record.spaceLabel,
      start: record.start.toISOString(),
      end: record.end.toISOString(),
      vehiclePlate: record.vehiclePlate,
      amountCents: record.amountCents,
      currency: record.currency,
      holdExpiresAt: record.status === 'pending_payment' ? (record.holdExpiresAt?.toISOString() ?? null) : null,
      createdAt: record.createdAt.toISOString(),
      confirmedAt: record.confirmedAt?.toISOString() ?? null,
      cancelledAt: record.cancelledAt?.toISOString() ?? null,
      cancellation: this.termsOf(record, now),
      passId: record.passId ?? null,
      payment:
        record.paidCents === null
          ? null
          : {
              status: refunded === 0 ? 'succeeded' : refunded >= paid ? 'refunded' : 'partially_refunded',
              amountCents: paid,
              refundedCents: refunded,
              cardBrand: record.cardBrand,
              cardLast4: record.cardLast4,
              testMode: this.payments.isTestMode(record.paymentProvider),
            },
      seriesId: record.seriesId,
      payments: (record.lines ?? []).map((line): BookingPaymentLine => ({
        id: line.id,
        purpose: line.extensionId ? 'extension' : 'booking',
        status: line.status,
        amountCents: line.amountCents,
        refundedCents: line.refundedCents,
        currency: line.currency.trim(),
        cardBrand: line.cardBrand,
        cardLast4: line.cardLast4?.trim() ?? null,
        paidAt: new Date(line.paidAt).toISOString(),
        refunds: line.refunds.map((refund) => ({ amountCents: Number(refund.amountCents), refundedAt: new Date(refund.refundedAt).toISOString() })),
      })),
    };
  }
}
