import { Injectable } from '@nestjs/common';
import {
  type CancelPassResult,
  type CreatePassRequest,
  type OperatorPassOverview,
  type PassHolderView,
  type PassList,
  type PassOfferList,
  type PassOfferView,
  type PassView,
  type SpaceType,
  type UpdatePassOfferRequest,
} from '@aiparksit/shared';
import { mayAccess, type UserPrincipal } from '../access/index.js';
import { normalizeVehiclePlate } from '../bookings/index.js';
import { fieldError } from '../common/errors/index.js';
import { AppConfig } from '../config/index.js';
import { BOOKING_CANCELLATION_EMAIL, type BookingCancellationPayload } from '../notifications/index.js';
import { PaymentsService } from '../payments/index.js';
import { passPeriodFor, passPeriodsOnSale, passPrice } from './pass-period.js';
import { PassesException } from './passes.exception.js';
import { PassesRepository, type PassFacility, type PassRecord } from './passes.repository.js';

const facilityNotFound = () => new PassesException('facility_not_found', 'No such facility.');
const passNotFound = () => new PassesException('pass_not_found', 'No such pass.');

/** The largest number of passes a month an offer may sell: more than any car park has spaces. */
export const PASS_LIMIT_MAX = 10_000;

/**
 * Monthly passes: operators set what they sell per facility and space type; drivers buy a pass
 * for a calendar month, which holds one space of the type for the period as an ordinary booking
 * paid through `POST /api/payments`.
 */
@Injectable()
export class PassesService {
  constructor(
    private readonly passes: PassesRepository,
    private readonly payments: PaymentsService,
    private readonly config: AppConfig,
  ) {}

  /** What a facility on sale sells, for drivers: only offers with a limit above 0. Unpublished facilities are 404. */
  async offersOnSale(facilityId: string, now = new Date()): Promise<PassOfferList> {
    const facility = await this.passes.findFacility(facilityId);
    if (!facility?.onSale) throw facilityNotFound();
    const offers = await this.offerViews(facility, now);
    return { items: offers.filter((offer) => offer.passLimit > 0) };
  }

  /** The operator's view of a facility they own (an admin: any): every space type's offer, sold and left per month, and the holders. */
  async operatorOverview(user: UserPrincipal, facilityId: string, now = new Date()): Promise<OperatorPassOverview> {
    const facility = await this.ownedFacility(user, facilityId);
    const offers = await this.offerViews(facility, now);
    const [current] = passPeriodsOnSale(now, facility.timeZone);
    const holders = await this.passes.holdersOf(facility.id, current!.monthDate);
    return { offers, holders: holders.map((record) => this.holderView(record)) };
  }

  /**
   * Sets how many passes a month the facility sells of the type and at what price. A limit lower
   * than what is sold already keeps the sold passes; it only stops new sales until enough lapse.
   */
  async updateOffer(user: UserPrincipal, facilityId: string, spaceType: SpaceType, request: UpdatePassOfferRequest, now = new Date()): Promise<PassOfferView> {
    const facility = await this.ownedFacility(user, facilityId);
    const type = facility.types.find((t) => t.spaceType === spaceType);
    if (!type) throw new PassesException('space_type_not_offered', `This facility has no ${spaceType} spaces.`, { spaceType });
    if (request.passLimit > type.activeSpaces) {
      throw new PassesException(
        'invalid_pass_offer',
        `At most ${type.activeSpaces} passes a month: the facility has ${type.activeSpaces} active ${spaceType} spaces.`,
        {
          fields: [fieldError('passLimit', 'too_large', { max: type.activeSpaces }, `at most ${type.activeSpaces}, the active ${spaceType} spaces`)],
        },
      );
    }
    await this.passes.upsertOffer(facility.id, spaceType, request.passLimit, request.priceCents);
    const offers = await this.offerViews(facility, now);
    return offers.find((offer) => offer.spaceType === spaceType)!;
  }

  /**
   * Holds a space of the type for the month as `pending_payment` (pay it with `POST /api/payments`
   * and the pass's booking id). A pass already held under the same Idempotency-Key is answered as
   * it is rather than sold twice.
   */
  async create(driver: UserPrincipal, request: CreatePassRequest, idempotencyKey: string, now = new Date()): Promise<PassView> {
    if (!driver.emailVerified) {
      throw new PassesException('email_not_verified', 'Confirm your email address before buying a pass: open the link in the email we sent you.');
    }
    // Stored on the pass's booking beside the driver's booking keys: the prefix keeps a key reused across the two routes from colliding.
    const bookingKey = `pass:${idempotencyKey}`;
    const earlier = await this.passes.findByIdempotencyKey(driver.userId, bookingKey);
    if (earlier) return this.view((await this.passes.findById(earlier))!, now);
    const plate = normalizeVehiclePlate(request.vehiclePlate);
    if (!plate) {
      throw new PassesException('invalid_vehicle_plate', 'A plate has 2–10 letters, digits, spaces or dashes, and starts and ends with a letter or digit.', {
        fields: [fieldError('vehiclePlate', 'invalid', undefined, 'a plate has 2–10 letters, digits, spaces or dashes')],
      });
    }
    const facility = await this.passes.findFacility(request.facilityId);
    if (!facility?.onSale) throw facilityNotFound();
    const offer = (await this.passes.offersOf(facility.id)).find((o) => o.spaceType === request.spaceType);
    if (!offer || offer.passLimit === 0) throw new PassesException('passes_not_offered', `This facility sells no ${request.spaceType} monthly passes.`);
    const period = passPeriodFor(request.month, now, facility.timeZone);
    if (!period) {
      const onSale = passPeriodsOnSale(now, facility.timeZone).map((p) => p.month);
      throw new PassesException('month_not_on_sale', `Passes are sold for ${onSale.join(', ')}.`, {
        onSale,
        fields: [fieldError('month', 'not_one_of', { allowed: onSale }, `one of ${onSale.join(', ')}`)],
      });
    }
    const outcome = await this.passes.sell({
      driverId: driver.userId,
      facilityId: facility.id,
      spaceType: request.spaceType,
      monthDate: period.monthDate,
      start: period.start,
      end: period.end,
      vehiclePlate: plate,
      amountCents: passPrice(offer.priceCents, period),
      currency: facility.currency,
      holdMinutes: this.config.values.bookingHoldMinutes,
      idempotencyKey: bookingKey,
    });
    if ('noOffer' in outcome) throw new PassesException('passes_not_offered', `This facility sells no ${request.spaceType} monthly passes.`);
    if ('soldOut' in outcome) {
      throw new PassesException('passes_sold_out', `All ${request.spaceType} passes of ${period.month} are sold.`, { month: period.month, ...outcome.soldOut });
    }
    if ('noSpace' in outcome) {
      throw new PassesException('no_space_available', `No ${request.spaceType} space is free for the whole of ${period.month}.`, { month: period.month });
    }
    return this.view((await this.passes.findById(outcome.held))!, now);
  }

  async listOwn(driver: UserPrincipal, now = new Date()): Promise<PassList> {
    return { items: (await this.passes.listByDriver(driver.userId)).map((record) => this.view(record, now)) };
  }

  /** Its driver, the operator of its facility, or an admin; anyone else is told it does not exist. */
  async get(user: UserPrincipal, id: string, now = new Date()): Promise<PassView> {
    const record = await this.passes.findById(id);
    if (!record || !(mayAccess(user, record.driverId) || mayAccess(user, record.operatorOwnerId))) throw passNotFound();
    return this.view(record, now);
  }

  /**
   * Cancels a pass before its period starts, refunding all that was paid; a held, unpaid pass can
   * always be dropped. Once the period has started the pass is in use and stays.
   */
  async cancel(driver: UserPrincipal, id: string, now = new Date()): Promise<CancelPassResult> {
    const refundedCents = await this.passes.transaction(async (tx) => {
      const record = await this.passes.lockById(tx, id);
      if (!record || !mayAccess(driver, record.driverId)) throw passNotFound();
      const terms = this.termsOf(record, now);
      if (!terms.cancellableNow) {
        throw new PassesException(
          'pass_not_cancellable',
          record.status === 'confirmed'
            ? 'This pass has started and can no longer be cancelled.'
            : `A ${record.status.replace('_', ' ')} pass cannot be cancelled.`,
          { status: record.status },
        );
      }
      const refunded =
        terms.refundableNowCents > 0
          ? await this.payments.refund(
              tx,
              { bookingId: record.bookingId, operatorId: record.operatorId, facilityId: record.facilityId, currency: record.currency },
              terms.refundableNowCents,
            )
          : 0;
      await this.passes.markCancelled(tx, record.bookingId);
      if (record.status === 'confirmed') {
        const email: BookingCancellationPayload = { bookingId: record.bookingId, testMode: this.payments.isTestMode(record.paymentProvider) };
        await this.passes.enqueueEmail(tx, BOOKING_CANCELLATION_EMAIL, email);
      }
      return refunded;
    });
    return { pass: this.view((await this.passes.findById(id))!, now), refundedCents };
  }

  private async ownedFacility(user: UserPrincipal, facilityId: string): Promise<PassFacility> {
    const facility = await this.passes.findFacility(facilityId);
    if (!facility || !mayAccess(user, facility.operatorOwnerId)) throw facilityNotFound();
    return facility;
  }

  /** One view per space type the facility has, with the months on sale: what a pass costs now and how many are left. */
  private async offerViews(facility: PassFacility, now: Date): Promise<PassOfferView[]> {
    const periods = passPeriodsOnSale(now, facility.timeZone);
    const [offers, sold] = await Promise.all([
      this.passes.offersOf(facility.id),
      this.passes.soldPerMonth(
        facility.id,
        periods.map((p) => p.monthDate),
      ),
    ]);
    return facility.types.map(({ spaceType }) => {
      const offer = offers.find((o) => o.spaceType === spaceType) ?? { passLimit: 0, priceCents: 0 };
      return {
        facilityId: facility.id,
        spaceType,
        passLimit: offer.passLimit,
        priceCents: offer.priceCents,
        currency: facility.currency,
        timeZone: facility.timeZone,
        months: periods.map((period) => {
          const soldThen = sold.find((s) => s.spaceType === spaceType && s.month === period.month)?.sold ?? 0;
          return {
            month: period.month,
            start: period.start.toISOString(),
            end: period.end.toISOString(),
            priceCents: offer.priceCents ? passPrice(offer.priceCents, period) : 0,
            sold: soldThen,
            left: Math.max(0, offer.passLimit - soldThen),
          };
        }),
      };
    });
  }

  /** Full refund until the period starts; nothing once it has (the pass is in use). A hold is dropped for nothing. */
  private termsOf(record: PassRecord, now: Date): { cancellableNow: boolean; refundableNowCents: number } {
    if (record.status === 'pending_payment') return { cancellableNow: true, refundableNowCents: 0 };
    if (record.status !== 'confirmed' || now.getTime() >= record.start.getTime()) return { cancellableNow: false, refundableNowCents: 0 };
    return { cancellableNow: true, refundableNowCents: record.paidCents - record.refundedCents };
  }

  private view(record: PassRecord, now: Date): PassView {
    return {
      id: record.id,
      month: record.month,
      status: record.status,
      facility: { id: record.facilityId, name: record.facilityName, addressLine: record.addressLine, city: record.city, timeZone: record.timeZone },
      spaceType: record.spaceType,
      start: record.start.toISOString(),
      end: record.end.toISOString(),
      vehiclePlate: record.vehiclePlate,
      amountCents: record.amountCents,
      currency: record.currency.trim(),
      booking: {
        id: record.bookingId,
        code: record.bookingCode,
        holdExpiresAt: record.status === 'pending_payment' ? (record.holdExpiresAt?.toISOString() ?? null) : null,
      },
      createdAt: record.createdAt.toISOString(),
      ...this.termsOf(record, now),
    };
  }

  private holderView(record: PassRecord): PassHolderView {
    return {
      id: record.id,
      month: record.month,
      status: record.status,
      spaceType: record.spaceType,
      spaceLabel: record.spaceLabel,
      driverName: record.driverName,
      vehiclePlate: record.vehiclePlate,
      bookingCode: record.bookingCode,
      start: record.start.toISOString(),
      end: record.end.toISOString(),
      amountCents: record.amountCents,
    };
  }
}
