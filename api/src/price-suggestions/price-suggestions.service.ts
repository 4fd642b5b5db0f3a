import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  isUuid,
  type AcceptedPriceSuggestion,
  type AcceptPriceSuggestionRequest,
  type PriceFloorRequest,
  type PriceFloorView,
  type PriceSuggestions,
  type RateChangeList,
  type RateInput,
  type SpaceTypePriceSuggestion,
} from '@aiparksit/shared';
import { requireAccess, type UserPrincipal } from '../access/index.js';
import { AppConfig } from '../config/index.js';
import { fieldError } from '../common/errors/index.js';
import { ruleFieldsOnly } from '../facilities/pricing/index.js';
import { FacilityManagementService } from '../facility-management/index.js';
import { ForecastService, HOUR_MS, HOURS_PER_WEEK, closedHours, localWeekSlots } from '../forecast/index.js';
import { PriceSuggestionException } from './price-suggestions.exception.js';
import { PriceSuggestionsRepository, type HourlyDemandRow, type PricedFacilityRow } from './price-suggestions.repository.js';
import { HISTORY_WEEKS, PRICE_ELASTICITY_OF_DEMAND, elasticityAssumption, suggestPrices } from './suggestion-rules.js';

const RATE_CHANGES_LIMIT = 100;
const facilityNotFound = () => new PriceSuggestionException('facility_not_found', 'No such facility.');

/**
 * Price suggestions for an operator's facilities (an admin's for any; anyone else is told the
 * facility does not exist). Suggestions change nothing: an accepted one becomes an ordinary rate
 * change through facility management, with its checks and its audit.
 */
@Injectable()
export class PriceSuggestionsService {
  constructor(
    private readonly repository: PriceSuggestionsRepository,
    private readonly forecasts: ForecastService,
    private readonly facilities: FacilityManagementService,
    private readonly config: AppConfig,
  ) {}

  async suggestions(user: UserPrincipal, id: string, now = new Date()): Promise<PriceSuggestions> {
    const facility = await this.facilityOf(user, id);
    const zone = facility.timeZone;
    // Whole local days up to today's midnight, on UTC hour boundaries (zones a half hour off lose half an hour).
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const onHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
    const weekStarts = Array.from({ length: HISTORY_WEEKS + 1 }, (_, k) => onHour(today.minus({ weeks: HISTORY_WEEKS - k }).toMillis()));
    const startMs = weekStarts[0]!;
    const endMs = weekStarts[HISTORY_WEEKS]!;
    const [cards, demand, lastChanges] = await Promise.all([
      this.repository.rateCards(id),
      this.repository.hourlyDemand(id, new Date(startMs), new Date(endMs)),
      this.repository.lastRateChanges(id),
    ]);
    const historySlots = localWeekSlots(startMs, (endMs - startMs) / HOUR_MS, zone);
    const maxStepPercent = this.config.values.priceSuggestionMaxStepPercent;

    let forecastFittedAt: Date | null = null;
    const types: SpaceTypePriceSuggestion[] = [];
    for (const { capacity, floorCents, ...rate } of cards) {
      const current = rateCard(rate);
      // Only whole weeks at the card as it stands: demand seen at other prices is not this price's.
      const changedAt = lastChanges.get(rate.spaceType);
      const history = weeklyDemand(
        demand.filter((d) => d.spaceType === rate.spaceType),
        weekStarts,
        historySlots,
      ).filter((_, k) => !changedAt || weekStarts[k]! >= changedAt.getTime());
      const rateChangedOn = changedAt && changedAt.getTime() > startMs ? DateTime.fromJSDate(changedAt, { zone }).toFormat('d LLL yyyy') : null;
      const coming = await this.comingWeek(facility, current, endMs);
      if (coming.fittedAt) forecastFittedAt = coming.fittedAt;
      const outcome = suggestPrices({
        capacity,
        currency: facility.currency,
        rate: current,
        floorCents,
        maxStepPercent,
        history,
        rateChangedOn,
        expected: coming.expected,
        closed: coming.closed,
      });
      let suggestionId: string | null = null;
      if (outcome.suggested) {
        suggestionId = await this.repository.saveSuggestion(id, {
          spaceType: rate.spaceType,
          fingerprint: fingerprintOf(current, outcome.suggested, floorCents),
          basedOn: current,
          suggested: outcome.suggested,
          bands: outcome.bands,
          weeklyRevenueChangeCents: outcome.weeklyRevenueChangeCents,
        });
      }
      types.push({
        spaceType: rate.spaceType,
        capacity,
        currency: facility.currency,
        current,
        suggested: outcome.suggested,
        suggestionId,
        floorCents,
        baseRate: outcome.baseRate,
        bands: outcome.bands,
        weeklyOccupiedHoursChange: outcome.weeklyOccupiedHoursChange,
        weeklyRevenueChangeCents: outcome.weeklyRevenueChangeCents,
        weeklyRevenueCents: outcome.weeklyRevenueCents,
        summary: outcome.summary,
      });
    }
    return {
      facilityId: id,
      timeZone: zone,
      currency: facility.currency,
      elasticity: PRICE_ELASTICITY_OF_DEMAND,
      assumption: elasticityAssumption(),
      maxStepPercent,
      historyWeeks: HISTORY_WEEKS,
      forecastFittedAt: forecastFittedAt && forecastFittedAt.toISOString(),
      types,
    };
  }

  /**
   * Applies a suggestion as shown: refused with 409 `suggestion_stale` when the type's rate card
   * or its floor has changed since it was computed (checked under the facility's lock).
   */
  async accept(user: UserPrincipal, id: string, body: AcceptPriceSuggestionRequest): Promise<AcceptedPriceSuggestion> {
    await this.facilityOf(user, id);
    const suggestion = isUuid(body.suggestionId) ? await this.repository.suggestion(id, body.suggestionId) : undefined;
    if (!suggestion) throw new PriceSuggestionException('suggestion_not_found', 'No such price suggestion for this facility.');
    let acceptedAt = new Date();
    await this.facilities.applySuggestedRate(
      user,
      id,
      suggestion.suggested,
      suggestion.id,
      async (current, tx) => {
        const floorCents = await this.repository.floorIn(tx, id, suggestion.spaceType);
        if (!current || fingerprintOf(rateCard(current), suggestion.suggested, floorCents) !== suggestion.fingerprint) {
          throw new PriceSuggestionException(
            'suggestion_stale',
            `The ${suggestion.spaceType} rate or its price floor has changed since this suggestion was made: nothing was changed. Read the suggestions again.`,
          );
        }
      },
      async (tx) => {
        acceptedAt = await this.repository.markAccepted(tx, suggestion.id, user.userId);
      },
    );
    return { suggestionId: suggestion.id, spaceType: suggestion.spaceType, rate: suggestion.suggested, acceptedAt: acceptedAt.toISOString() };
  }

  async setFloor(user: UserPrincipal, id: string, body: PriceFloorRequest): Promise<PriceFloorView> {
    await this.facilityOf(user, id);
    const cards = await this.repository.rateCards(id);
    if (!cards.some((c) => c.spaceType === body.spaceType)) {
      throw new PriceSuggestionException('invalid_price_floor', `This facility has no ${body.spaceType} rate to set a floor for.`, {
        fields: [fieldError('spaceType', 'invalid', { reason: 'no_rate' }, `set a rate for ${body.spaceType} spaces first`)],
      });
    }
    await this.repository.setFloor(id, body.spaceType, body.floorCents, user.userId);
    return { spaceType: body.spaceType, floorCents: body.floorCents };
  }

  async rateChanges(user: UserPrincipal, id: string): Promise<RateChangeList> {
    await this.facilityOf(user, id);
    return { results: await this.repository.rateChanges(id, RATE_CHANGES_LIMIT) };
  }

  /** The coming week by local slot: the forecast's expectation and closed hours, or the opening hours without a forecast. */
  private async comingWeek(
    facility: PricedFacilityRow,
    rate: RateInput,
    startMs: number,
  ): Promise<{ expected: Float64Array | null; closed: boolean[]; fittedAt: Date | null }> {
    const forecast = await this.forecasts.expectedHours(facility.id, rate.spaceType, startMs, HOURS_PER_WEEK);
    const closed = new Array<boolean>(HOURS_PER_WEEK).fill(false);
    if (!forecast) {
      const hours = closedHours({ startMs, hours: HOURS_PER_WEEK, timeZone: facility.timeZone, openingHours: facility.openingHours });
      localWeekSlots(startMs, HOURS_PER_WEEK, facility.timeZone).forEach((slot, i) => (closed[slot] = hours[i] === 1));
      return { expected: null, closed, fittedAt: null };
    }
    const expected = new Float64Array(HOURS_PER_WEEK).fill(NaN);
    localWeekSlots(forecast.startMs, forecast.expected.length, facility.timeZone).forEach((slot, i) => {
      closed[slot] = forecast.closed[i] === 1;
      expected[slot] = forecast.expected[i]!;
    });
    return { expected, closed, fittedAt: forecast.fittedAt };
  }

  private async facilityOf(user: UserPrincipal, id: string): Promise<PricedFacilityRow> {
    return requireAccess(user, isUuid(id) ? await this.repository.facility(id) : undefined, (f) => f.ownerId, facilityNotFound);
  }
}

/** Mean spaces taken per local week slot in each history week (an hour nobody booked counts 0). */
function weeklyDemand(rows: HourlyDemandRow[], weekStarts: number[], slots: Uint8Array): Float64Array[] {
  const startMs = weekStarts[0]!;
  const occupied = new Float64Array(slots.length);
  for (const row of rows) {
    const i = (row.hourMs - startMs) / HOUR_MS;
    if (i >= 0 && i < occupied.length) occupied[i] = occupied[i]! + row.occupied;
  }
  return weekStarts.slice(0, -1).map((weekStart, k) => {
    const sums = new Float64Array(HOURS_PER_WEEK);
    const counts = new Uint8Array(HOURS_PER_WEEK);
    for (let t = weekStart; t < weekStarts[k + 1]!; t += HOUR_MS) {
      const i = (t - startMs) / HOUR_MS;
      const slot = slots[i]!;
      sums[slot] = sums[slot]! + occupied[i]!;
      counts[slot] = counts[slot]! + 1;
    }
    // The hour repeated when clocks go back is averaged; the one skipped in spring is unknown (NaN).
    return sums.map((sum, slot) => (counts[slot] ? sum / counts[slot] : NaN));
  });
}

/** A rate card in a fixed shape and key order, as compared and stored. */
function rateCard(rate: RateInput): RateInput {
  return { spaceType: rate.spaceType, hourlyCents: rate.hourlyCents, dailyMaxCents: rate.dailyMaxCents, multipliers: rate.multipliers.map(ruleFieldsOnly) };
}

/** What a suggestion is: the card it was computed on, the floor it respected, and the card it suggests. */
function fingerprintOf(basedOn: RateInput, suggested: RateInput, floorCents: number | null): string {
  return createHash('sha256')
    .update(JSON.stringify({ basedOn: rateCard(basedOn), floorCents, suggested: rateCard(suggested) }))
    .digest('hex');
}
