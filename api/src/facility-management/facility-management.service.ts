import { Injectable } from '@nestjs/common';
import { IANAZone } from 'luxon';
import {
  isUuid,
  MAX_BOOKING_MINUTES,
  OPERATOR_BOOKING_SORT_DEFAULT,
  OPERATOR_BOOKING_SORTS,
  PRICE_CENTS_MAX,
  type BlackoutCreated,
  type BlackoutList,
  type BlackoutView,
  type BlockingBooking,
  type BulkSpaceChangeResult,
  type FieldError,
  type ManagedFacility,
  type ManagedSpaceList,
  type OperatorBookingDetail,
  type OperatorBookingPage,
  type OperatorBookingRow,
  type OperatorBookingSort,
  type OperatorFacilityList,
  type RateInput,
  type SpaceCounts,
  type SpaceType,
} from '@aiparksit/shared';
import { ownerFilterFor, requireAccess, type UserPrincipal } from '../access/index.js';
import { toFacilitySummary } from '../facilities/index.js';
import { PaymentsService } from '../payments/index.js';
import { openingHoursErrors, rateMultiplierErrors } from '../facilities/opening-hours/index.js';
import { largestQuoteCents, ruleFieldsOnly } from '../facilities/pricing/index.js';
import type { SqlTransaction } from '../database/index.js';
import type { CreateBlackoutDto } from './dto/blackout-requests.dto.js';
import type { CreateFacilityDto, UpdateFacilityDto } from './dto/facility-requests.dto.js';
import { OPERATOR_BOOKINGS_LIMIT_DEFAULT, type OperatorBookingQueryDto } from './dto/operator-booking-query.dto.js';
import { FacilityManagementException } from './facility-management.exception.js';
import {
  FacilityManagementRepository,
  type BlackoutRow,
  type BookingInSpaceRow,
  type FacilityFields,
  type OperatorBookingDbRow,
  type OperatorBookingFilters,
  type OperatorBookingPosition,
  type OwnedFacilityRow,
  type RateChangeAudit,
  type RateChangeRow,
} from './facility-management.repository.js';
import { facilitySlugBase } from './slug.js';
import { fieldError } from '../common/errors/index.js';

/** Fields a PATCH may clear with null; the others always have a value. */
const NULLABLE_FIELDS = new Set(['openingHours', 'heightLimitCm']);
/** Rows per statement while streaming the CSV: bounded memory whatever the export's size. */
const CSV_CHUNK = 1000;

const bookingNotFound = () => new FacilityManagementException('booking_not_found', 'No such booking at your car parks.');
const facilityNotFound = () => new FacilityManagementException('facility_not_found', 'No such facility.');

function invalid(fields: FieldError[]): FacilityManagementException {
  return new FacilityManagementException('invalid_facility', `Invalid facility: check ${fields.map((f) => f.field).join(', ')}.`, { fields });
}

/**
 * The operator's side of facilities. Every route acts on a facility its caller owns (through the
 * operator row) or, for admins, any facility; anyone else is told it does not exist.
 */
@Injectable()
export class FacilityManagementService {
  constructor(
    private readonly repository: FacilityManagementRepository,
    private readonly payments: PaymentsService,
  ) {}

  async create(user: UserPrincipal, body: CreateFacilityDto): Promise<ManagedFacility> {
    const operatorId = await this.operatorFor(user, body.operatorId);
    const fields: FacilityFields = {
      name: body.name.trim(),
      description: body.description ?? '',
      addressLine: body.addressLine.trim(),
      city: body.city.trim(),
      postalCode: body.postalCode ?? '',
      countryCode: body.countryCode,
      latitude: body.location.lat,
      longitude: body.location.lng,
      timeZone: body.timeZone,
      currency: body.currency,
      openingHours: body.openingHours ?? null,
      amenities: [...new Set(body.amenities ?? [])],
      heightLimitCm: body.heightLimitCm ?? null,
      photos: body.photos ?? [],
      minDurationMinutes: body.minDurationMinutes ?? 30,
      maxDurationMinutes: body.maxDurationMinutes ?? 43_200,
      published: body.published ?? false,
    };
    const errors = [...this.fieldErrors(fields), ...this.ratesErrors(body.rates, 'rates')];
    const typesWithSpaces = (Object.entries(body.spaces) as [SpaceType, number | undefined][]).filter(([, n]) => (n ?? 0) > 0).map(([t]) => t);
    if (!typesWithSpaces.length) errors.push(fieldError('spaces', 'too_few', { min: 1 }, 'add at least one space, e.g. { "standard": 40 }'));
    errors.push(...this.rateCoverageErrors(typesWithSpaces, body.rates));
    if (errors.length) throw invalid(errors);

    const id = await this.repository.transaction(async (tx) => {
      const facilityId = await this.repository.insertFacility(tx, operatorId, fields, facilitySlugBase(fields.name, fields.city));
      await this.repository.replaceRates(tx, facilityId, body.rates);
      await this.repository.insertRateChanges(tx, facilityId, rateChanges([], body.rates), { changedBy: user.userId, source: 'manual' });
      await this.repository.addSpaces(tx, facilityId, body.spaces);
      return facilityId;
    });
    return this.view(id);
  }

  async get(user: UserPrincipal, id: string): Promise<ManagedFacility> {
    await this.owned(user, id);
    return this.view(id);
  }

  async update(user: UserPrincipal, id: string, body: UpdateFacilityDto): Promise<ManagedFacility> {
    const facility = await this.owned(user, id);
    const errors: FieldError[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (value === null && !NULLABLE_FIELDS.has(key)) errors.push(fieldError(key, 'required', undefined, `${key} may not be null`));
    }
    if (errors.length) throw invalid(errors);
    const fields: Partial<FacilityFields> = {
      name: body.name?.trim(),
      description: body.description,
      addressLine: body.addressLine?.trim(),
      city: body.city?.trim(),
      postalCode: body.postalCode,
      countryCode: body.countryCode,
      latitude: body.location?.lat,
      longitude: body.location?.lng,
      timeZone: body.timeZone,
      currency: body.currency,
      openingHours: body.openingHours,
      amenities: body.amenities && [...new Set(body.amenities)],
      heightLimitCm: body.heightLimitCm,
      photos: body.photos,
      minDurationMinutes: body.minDurationMinutes,
      maxDurationMinutes: body.maxDurationMinutes,
      published: body.published,
    };
    errors.push(...this.fieldErrors({ minDurationMinutes: facility.minDurationMinutes, maxDurationMinutes: facility.maxDurationMinutes, ...defined(fields) }));
    if (body.rates) errors.push(...this.ratesErrors(body.rates, 'rates'));
    if (errors.length) throw invalid(errors);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockFacility(tx, id);
      if (body.rates) await this.replaceRates(tx, id, body.rates, { changedBy: user.userId, source: 'manual' });
      await this.repository.updateFacility(tx, id, fields);
    });
    return this.view(id);
  }

  async setPublished(user: UserPrincipal, id: string, published: boolean): Promise<ManagedFacility> {
    await this.owned(user, id);
    await this.repository.transaction((tx) => this.repository.updateFacility(tx, id, { published }));
    return this.view(id);
  }

  async putRates(user: UserPrincipal, id: string, rates: RateInput[]): Promise<ManagedFacility> {
    await this.owned(user, id);
    const errors = this.ratesErrors(rates, 'rates');
    if (errors.length) throw invalid(errors);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockFacility(tx, id);
      await this.replaceRates(tx, id, rates, { changedBy: user.userId, source: 'manual' });
    });
    return this.view(id);
  }

  /**
   * Replaces one space type's rate card by an accepted price suggestion: the checks and the audit
   * of PUT …/rates (source `suggestion`). Under the facility's lock, `check` sees the card as it
   * stands (and may refuse, e.g. when it changed since the suggestion), and `andThen` runs in the
   * same transaction after the change.
   */
  async applySuggestedRate(
    user: UserPrincipal,
    id: string,
    rate: RateInput,
    suggestionId: string,
    check: (current: RateInput | undefined, tx: SqlTransaction) => Promise<void>,
    andThen: (tx: SqlTransaction) => Promise<void>,
  ): Promise<ManagedFacility> {
    await this.owned(user, id);
    const errors = this.ratesErrors([rate], 'rates');
    if (errors.length) throw invalid(errors);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockFacility(tx, id);
      const current = await this.repository.ratesOf(tx, id);
      await check(
        current.find((r) => r.spaceType === rate.spaceType),
        tx,
      );
      const rates = [...current.filter((r) => r.spaceType !== rate.spaceType), rate];
      await this.replaceRates(tx, id, rates, { changedBy: user.userId, source: 'suggestion', suggestionId });
      await andThen(tx);
    });
    return this.view(id);
  }

  async addSpaces(user: UserPrincipal, id: string, counts: SpaceCounts): Promise<ManagedSpaceList> {
    await this.owned(user, id);
    const types = (Object.entries(counts) as [SpaceType, number | undefined][]).filter(([, n]) => (n ?? 0) > 0).map(([t]) => t);
    if (!types.length) throw invalid([fieldError('spaces', 'too_few', { min: 1 }, 'add at least one space, e.g. { "standard": 40 }')]);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockFacility(tx, id);
      const rated = await this.repository.rateTypesOf(tx, id);
      const unrated = types.filter((t) => !rated.includes(t));
      if (unrated.length)
        throw invalid(unrated.map((t) => fieldError(t, 'invalid', { reason: 'no_rate' }, `set a rate for ${t} spaces first (PUT /api/facilities/:id/rates)`)));
      await this.repository.addSpaces(tx, id, counts);
    });
    return this.listSpaces(user, id);
  }

  async listSpaces(user: UserPrincipal, id: string, now = new Date()): Promise<ManagedSpaceList> {
    await this.owned(user, id);
    const rows = await this.repository.listSpaces(id, now);
    return {
      results: rows
        .map((r) => ({ ...r, nextBooking: r.next && { ...r.next, start: iso(r.next.start), end: iso(r.next.end) } }))
        .map(({ next: _next, ...space }) => space),
    };
  }

  /**
   * Takes a space out of service. Never while a live booking of it has not ended: the operator
   * is told which bookings block it (409). Spaces are never deleted: bookings keep their history.
   */
  async setSpaceActive(user: UserPrincipal, id: string, spaceId: string, active: boolean, now = new Date()): Promise<ManagedSpaceList> {
    await this.owned(user, id);
    if (!isUuid(spaceId)) throw new FacilityManagementException('space_not_found', 'No such space at this facility.');
    await this.repository.transaction(async (tx) => {
      const space = await this.repository.lockSpace(tx, id, spaceId);
      if (!space) throw new FacilityManagementException('space_not_found', 'No such space at this facility.');
      if (!active) {
        const blocking = await this.repository.futureLiveBookings(tx, spaceId, now);
        if (blocking.length) {
          throw new FacilityManagementException(
            'space_has_future_bookings',
            `This space has ${blocking.length} booking(s) that have not ended; it can be deactivated after them.`,
            {
              bookings: blocking.map(toBlockingBooking),
            },
          );
        }
      }
      await this.repository.setSpaceActive(tx, spaceId, active);
    });
    return this.listSpaces(user, id, now);
  }

  /**
   * Takes several spaces out of service, or back, in one transaction: all or none. Deactivation
   * is refused (409) while any of them has a live booking that has not ended, naming each such
   * booking. Spaces already in the asked state are left alone, so a repeated request is harmless.
   */
  async setSpacesActive(user: UserPrincipal, id: string, requested: string[], active: boolean, now = new Date()): Promise<BulkSpaceChangeResult> {
    await this.owned(user, id);
    const spaceIds = [...new Set(requested.map((spaceId) => spaceId.toLowerCase()))];
    const changed = await this.repository.transaction(async (tx) => {
      const found = await this.repository.lockSpaces(tx, id, spaceIds);
      if (found.length !== spaceIds.length) {
        const known = new Set(found.map((space) => space.id));
        throw new FacilityManagementException('space_not_found', 'Some spaces are not spaces of this facility.', {
          spaceIds: spaceIds.filter((spaceId) => !known.has(spaceId)),
        });
      }
      const toChange = found.filter((space) => space.active !== active).map((space) => space.id);
      if (!active && toChange.length) {
        const blocking = await this.repository.futureLiveBookingsOfSpaces(tx, toChange, now);
        if (blocking.length) {
          const spaces = new Set(blocking.map((booking) => booking.spaceLabel));
          throw new FacilityManagementException(
            'space_has_future_bookings',
            `${[...spaces].join(', ')} ${spaces.size === 1 ? 'has' : 'have'} bookings that have not ended; nothing was deactivated. ` +
              'Leave those spaces out, or deactivate them after their bookings.',
            { bookings: blocking.map(toBlockingBooking) },
          );
        }
      }
      return toChange.length ? this.repository.setSpacesActive(tx, toChange, active) : 0;
    });
    return { changed, unchanged: spaceIds.length - changed, spaces: await this.listSpaces(user, id, now) };
  }

  async createBlackout(user: UserPrincipal, id: string, body: CreateBlackoutDto): Promise<BlackoutCreated> {
    await this.owned(user, id);
    const start = new Date(body.start);
    const end = new Date(body.end);
    const errors: FieldError[] = [];
    if (!(end.getTime() > start.getTime())) errors.push(fieldError('end', 'not_after', { other: 'start' }));
    if (body.spaceType && body.spaceIds)
      errors.push(fieldError('spaceIds', 'invalid', { reason: 'exclusive', other: 'spaceType' }, 'give spaceType or spaceIds, not both'));
    const spaceIds = body.spaceIds ? [...new Set(body.spaceIds.map((s) => s.toLowerCase()))] : null;
    if (spaceIds && (await this.repository.countSpacesOf(id, spaceIds)) !== spaceIds.length) {
      errors.push(fieldError('spaceIds', 'unknown_reference', undefined, 'every space must be one of this facility'));
    }
    if (errors.length)
      throw new FacilityManagementException('invalid_blackout', `Invalid blackout: check ${errors.map((e) => e.field).join(', ')}.`, { fields: errors });
    const row = await this.repository.insertBlackout(id, {
      start,
      end,
      spaceType: body.spaceType ?? null,
      spaceIds,
      reason: body.reason?.trim() ?? '',
      createdBy: user.userId,
    });
    const inside = await this.repository.bookingsInside(row);
    return { blackout: toBlackoutView(row), bookingsInside: inside.map(toBlockingBooking) };
  }

  async listBlackouts(user: UserPrincipal, id: string): Promise<BlackoutList> {
    await this.owned(user, id);
    return { results: (await this.repository.listBlackouts(id)).map(toBlackoutView) };
  }

  async deleteBlackout(user: UserPrincipal, id: string, blackoutId: string): Promise<void> {
    await this.owned(user, id);
    if (!isUuid(blackoutId) || !(await this.repository.deleteBlackout(id, blackoutId))) {
      throw new FacilityManagementException('blackout_not_found', 'No such blackout at this facility.');
    }
  }

  async operatorFacilities(user: UserPrincipal, now = new Date()): Promise<OperatorFacilityList> {
    return { results: await this.repository.operatorFacilities(ownerFilterFor(user), now) };
  }

  async operatorBookings(user: UserPrincipal, query: OperatorBookingQueryDto): Promise<OperatorBookingPage> {
    const filters = this.bookingFilters(user, query);
    const sort = query.sort ?? OPERATOR_BOOKING_SORT_DEFAULT;
    const limit = query.limit ?? OPERATOR_BOOKINGS_LIMIT_DEFAULT;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort);
    const rows = await this.repository.operatorBookings(filters, sort, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { results: page.map(toOperatorBookingRow), nextCursor: rows.length > limit && last ? encodeCursor(sort, last) : null };
  }

  /** The same bookings as the list, in its order, every page, for a streamed CSV export. */
  async *operatorBookingsForExport(user: UserPrincipal, query: OperatorBookingQueryDto): AsyncGenerator<OperatorBookingDbRow> {
    const filters = this.bookingFilters(user, query);
    const sort = query.sort ?? OPERATOR_BOOKING_SORT_DEFAULT;
    let after: OperatorBookingPosition | undefined;
    for (;;) {
      const rows = await this.repository.operatorBookings(filters, sort, after, CSV_CHUNK);
      yield* rows;
      if (rows.length < CSV_CHUNK) return;
      after = positionOf(sort, rows[rows.length - 1]!);
    }
  }

  /** The zones and currencies an export covers: one of each is named in the CSV header. */
  exportScope(user: UserPrincipal, query: OperatorBookingQueryDto): Promise<{ timeZones: string[]; currencies: string[] }> {
    return this.repository.exportScope(this.bookingFilters(user, query));
  }

  /** One booking of the caller's car parks, read-only, with its payments, refunds and extensions; anyone else's is a 404. */
  async operatorBooking(user: UserPrincipal, id: string): Promise<OperatorBookingDetail> {
    const row = requireAccess(user, isUuid(id) ? await this.repository.bookingDetail(id) : undefined, (b) => b.ownerId, bookingNotFound);
    const [payments, refunds, extensions] = await Promise.all([
      this.repository.bookingPayments(row.id),
      this.repository.bookingRefunds(row.id),
      this.repository.bookingExtensions(row.id),
    ]);
    const { ownerId: _ownerId, holdExpiresAt, confirmedAt, cancelledAt, facilityCity, ...booking } = row;
    return {
      ...toOperatorBookingRow(booking),
      facilityCity,
      holdExpiresAt: row.status === 'pending_payment' && holdExpiresAt ? iso(holdExpiresAt) : null,
      confirmedAt: confirmedAt && iso(confirmedAt),
      cancelledAt: cancelledAt && iso(cancelledAt),
      payments: payments.map(({ extensionId, provider, createdAt, ...payment }) => ({
        ...payment,
        purpose: extensionId ? 'extension' : 'booking',
        testMode: this.payments.isTestMode(provider),
        createdAt: iso(createdAt),
      })),
      refunds: refunds.map((refund) => ({ ...refund, amountCents: Number(refund.amountCents), refundedAt: iso(refund.refundedAt) })),
      extensions: extensions.map((extension) => ({
        ...extension,
        previousEnd: iso(extension.previousEnd),
        newEnd: iso(extension.newEnd),
        createdAt: iso(extension.createdAt),
      })),
    };
  }

  /** Checks the filters before a stream starts, so a bad query is a 400 and not a broken download. */
  validateBookingQuery(user: UserPrincipal, query: OperatorBookingQueryDto): void {
    this.bookingFilters(user, query);
  }

  private bookingFilters(user: UserPrincipal, query: OperatorBookingQueryDto): OperatorBookingFilters {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && !(to.getTime() > from.getTime())) {
      throw new FacilityManagementException('invalid_query', 'to must be later than from.', {
        fields: [fieldError('to', 'not_after', { other: 'from' })],
      });
    }
    return { ownerId: ownerFilterFor(user), facilityId: query.facilityId, status: query.status, from, to, q: query.q };
  }

  /** The operator the new facility belongs to: the caller's own, or for an admin the one named. */
  private async operatorFor(user: UserPrincipal, requested: string | undefined): Promise<string> {
    if (user.role === 'admin') {
      if (!requested) throw invalid([fieldError('operatorId', 'required', undefined, 'an admin names the operator the facility belongs to')]);
      if (!(await this.repository.operatorExists(requested))) throw invalid([fieldError('operatorId', 'unknown_reference', undefined, 'no such operator')]);
      return requested;
    }
    const own = await this.repository.findOperatorOfOwner(user.userId);
    if (!own) throw new FacilityManagementException('operator_not_found', 'Start your operator onboarding before adding facilities.');
    if (requested && requested.toLowerCase() !== own.id)
      throw invalid([fieldError('operatorId', 'unknown_reference', undefined, 'facilities are created for your own operator')]);
    return own.id;
  }

  private async owned(user: UserPrincipal, id: string): Promise<OwnedFacilityRow> {
    return requireAccess(user, isUuid(id) ? await this.repository.findOwned(id) : undefined, (f) => f.ownerId, facilityNotFound);
  }

  /**
   * Rates replace the rate cards; every type with spaces (active or not) must keep one. Each
   * card the change touches is audited in the same transaction (the caller holds the lock).
   */
  private async replaceRates(tx: SqlTransaction, id: string, rates: RateInput[], audit: RateChangeAudit): Promise<void> {
    const types = await this.repository.spaceTypesOf(tx, id);
    const errors = this.rateCoverageErrors(types, rates);
    if (errors.length) throw invalid(errors);
    const before = await this.repository.ratesOf(tx, id);
    await this.repository.replaceRates(tx, id, rates);
    await this.repository.insertRateChanges(tx, id, rateChanges(before, rates), audit);
  }

  private fieldErrors(fields: Partial<FacilityFields>): FieldError[] {
    const errors: FieldError[] = [];
    if (fields.timeZone !== undefined && !IANAZone.isValidZone(fields.timeZone))
      errors.push(fieldError('timeZone', 'invalid_format', { format: 'time_zone' }, 'timeZone must be an IANA time zone, e.g. Europe/Berlin'));
    if (fields.openingHours !== undefined) {
      const messages = openingHoursErrors(fields.openingHours);
      if (messages.length) errors.push(fieldError('openingHours', 'invalid', { format: 'opening_hours' }, messages.join('; ')));
    }
    if (fields.name !== undefined && !fields.name) errors.push(fieldError('name', 'required', undefined, 'name must not be blank'));
    if (fields.minDurationMinutes !== undefined && fields.maxDurationMinutes !== undefined && fields.minDurationMinutes > fields.maxDurationMinutes) {
      errors.push(fieldError('maxDurationMinutes', 'too_small', { other: 'minDurationMinutes' }, 'maxDurationMinutes must be at least minDurationMinutes'));
    }
    return errors;
  }

  private ratesErrors(rates: RateInput[], field: string): FieldError[] {
    const errors: FieldError[] = [];
    const seen = new Set<SpaceType>();
    rates.forEach((rate, i) => {
      if (seen.has(rate.spaceType))
        errors.push(fieldError(`${field}.${i}.spaceType`, 'invalid', { reason: 'duplicate' }, `${rate.spaceType} has more than one rate`));
      seen.add(rate.spaceType);
      const messages = rateMultiplierErrors(rate.multipliers);
      if (messages.length) errors.push(fieldError(`${field}.${i}.multipliers`, 'invalid', { format: 'multipliers' }, messages.join('; ')));
      else {
        // Every window a driver may book must have a price the amount columns can hold (checked now, not at search time).
        const largest = largestQuoteCents(rate, MAX_BOOKING_MINUTES);
        if (largest > BigInt(PRICE_CENTS_MAX)) {
          errors.push(
            fieldError(
              `${field}.${i}.hourlyCents`,
              'too_large',
              { reason: 'stay_overflow', days: MAX_BOOKING_MINUTES / 1440 },
              `at this rate a ${MAX_BOOKING_MINUTES / 1440}-day stay could cost up to ${largest.toLocaleString('en')} cents, more than a booking can hold ` +
                `(${PRICE_CENTS_MAX.toLocaleString('en')}): lower the hourly rate or the multipliers, or set a daily maximum`,
            ),
          );
        }
      }
    });
    return errors;
  }

  private rateCoverageErrors(typesWithSpaces: SpaceType[], rates: RateInput[]): FieldError[] {
    const missing = typesWithSpaces.filter((t) => !rates.some((r) => r.spaceType === t));
    return missing.length ? [fieldError('rates', 'too_few', { missing }, missing.map((t) => `${t} spaces need a rate`).join('; '))] : [];
  }

  private async view(id: string): Promise<ManagedFacility> {
    const row = await this.repository.findManaged(id);
    if (!row) throw facilityNotFound();
    const countsOf = (active: boolean) => row.spaceCounts.filter((c) => c.active === active).map(({ spaceType, count }) => ({ spaceType, count }));
    return {
      ...toFacilitySummary(row),
      operatorId: row.operatorId,
      description: row.description,
      openingHours: row.openingHours,
      minDurationMinutes: row.minDurationMinutes,
      maxDurationMinutes: row.maxDurationMinutes,
      rates: row.rates.map((rate) => ({ ...rate, multipliers: rate.multipliers.map(ruleFieldsOnly), currency: row.currency })),
      spaces: countsOf(true),
      inactiveSpaces: countsOf(false),
      published: row.published,
      listed: row.listed,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/** A rate card in a fixed shape and key order, as audited and compared. */
function rateCard(rate: RateInput): RateInput {
  return {
    spaceType: rate.spaceType,
    hourlyCents: rate.hourlyCents,
    dailyMaxCents: rate.dailyMaxCents,
    multipliers: rate.multipliers.map(ruleFieldsOnly),
  };
}

/** The cards a replacement creates, changes or removes; an unchanged card is not a change. */
function rateChanges(before: RateInput[], after: RateInput[]): RateChangeRow[] {
  const types = [...new Set([...before, ...after].map((r) => r.spaceType))];
  return types.flatMap((spaceType) => {
    const old = before.find((r) => r.spaceType === spaceType);
    const now = after.find((r) => r.spaceType === spaceType);
    const oldCard = old ? rateCard(old) : null;
    const newCard = now ? rateCard(now) : null;
    return JSON.stringify(oldCard) === JSON.stringify(newCard) ? [] : [{ spaceType, before: oldCard, after: newCard }];
  });
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function iso(value: string | Date): string {
  return new Date(value).toISOString();
}

function toBlockingBooking(row: BookingInSpaceRow): BlockingBooking {
  return { id: row.id, code: row.code, spaceId: row.spaceId, spaceLabel: row.spaceLabel, start: iso(row.start), end: iso(row.end), status: row.status };
}

function toBlackoutView(row: BlackoutRow): BlackoutView {
  return { ...row, start: iso(row.start), end: iso(row.end), createdAt: iso(row.createdAt) };
}

function toOperatorBookingRow(row: OperatorBookingDbRow): OperatorBookingRow {
  return { ...row, start: iso(row.start), end: iso(row.end), createdAt: iso(row.createdAt) };
}

function positionOf(sort: OperatorBookingSort, row: OperatorBookingDbRow): OperatorBookingPosition {
  return { value: sort.startsWith('created') ? row.createdAt : row.start, id: row.id };
}

/** Keyset position (sort, value, id) of a page's last row, opaque to the client. */
function encodeCursor(sort: OperatorBookingSort, row: OperatorBookingDbRow): string {
  const { value, id } = positionOf(sort, row);
  return Buffer.from(JSON.stringify([sort, iso(value), id])).toString('base64url');
}

/** A cursor is only valid with the sort it was made for: a page of one order cannot continue another. */
function decodeCursor(cursor: string, sort: OperatorBookingSort): OperatorBookingPosition {
  try {
    const [cursorSort, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(value));
    if (cursorSort === sort && (OPERATOR_BOOKING_SORTS as readonly unknown[]).includes(cursorSort) && !Number.isNaN(date.getTime()) && isUuid(id)) {
      return { value: date, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new FacilityManagementException('invalid_cursor', 'The cursor is not one this API gave out for this sort order.');
}
