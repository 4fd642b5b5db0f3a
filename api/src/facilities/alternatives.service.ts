import { Injectable } from '@nestjs/common';
import type { DataFidelity, FacilityAlternative, FacilityAlternatives, SpaceType } from '@aiparksit/shared';
import type { Principal } from '../access/index.js';
import { ALTERNATIVES_LIMIT_DEFAULT, type AlternativesQueryDto } from './dto/alternatives-query.dto.js';
import { RADIUS_DEFAULT_METERS } from './dto/marketplace-query.dto.js';
import { FacilitiesRepository, type FacilityDetailRow, type ListedFacilityRules } from './facilities.repository.js';
import { FacilitiesService } from './facilities.service.js';
import { toFacilitySummary } from './facility-rows.js';
import { availabilityView, fidelityFor } from './fidelity.js';
import { MarketplaceRepository } from './marketplace.repository.js';
import { validateBookingWindow, type TimeWindow } from './opening-hours/index.js';
import { quoteOrNull } from './pricing/index.js';
import { parseWindow } from './search-window.js';

/** Nearest facilities read per alternative wanted: most nearby ones are expected to have space. */
const SCAN_PER_ALTERNATIVE = 4;

/**
 * Where else to park for the same window when a facility has no space of the type: the nearest
 * listed facilities with a space free for the whole window (the marketplace's read model, the
 * count a hold can actually get) that would also take the booking (opening hours, shortest and
 * longest stay), with their price of the window and the difference to the wanted facility's.
 */
@Injectable()
export class AlternativesService {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly repository: FacilitiesRepository,
    private readonly marketplace: MarketplaceRepository,
  ) {}

  /** `GET /api/facilities/:id/alternatives`: the facility must be one the caller may see. */
  async forFacility(principal: Principal | undefined, id: string, query: AlternativesQueryDto, now = new Date()): Promise<FacilityAlternatives> {
    const window = parseWindow(query.start, query.end, now)!;
    const wanted = await this.facilities.visibleDetail(principal, id);
    return this.near(wanted, query.spaceType ?? 'standard', window, fidelityFor(principal), {
      radiusMeters: query.radius ?? RADIUS_DEFAULT_METERS,
      limit: query.limit ?? ALTERNATIVES_LIMIT_DEFAULT,
      now,
    });
  }

  /** For a booking refused for want of space: the driver is signed in, so counts are exact. */
  async forRefusedBooking(facilityId: string, spaceType: SpaceType, window: TimeWindow, now = new Date()): Promise<FacilityAlternative[]> {
    const wanted = await this.repository.findDetail(facilityId);
    if (!wanted) return [];
    const found = await this.near(wanted, spaceType, window, 'full', { radiusMeters: RADIUS_DEFAULT_METERS, limit: ALTERNATIVES_LIMIT_DEFAULT, now });
    return found.alternatives;
  }

  private async near(
    wanted: FacilityDetailRow,
    spaceType: SpaceType,
    window: TimeWindow,
    fidelity: DataFidelity,
    options: { radiusMeters: number; limit: number; now: Date },
  ): Promise<FacilityAlternatives> {
    const wantedRate = wanted.rates.find((r) => r.spaceType === spaceType);
    const wantedQuote = wantedRate
      ? quoteOrNull(
          { hourlyCents: wantedRate.hourlyCents, dailyMaxCents: wantedRate.dailyMaxCents, multipliers: wantedRate.multipliers, currency: wanted.currency },
          window,
          wanted.timeZone,
        )
      : null;
    const rows = await this.marketplace.page(
      { area: { kind: 'point', lat: wanted.latitude, lng: wanted.longitude, radiusMeters: options.radiusMeters }, spaceType, amenities: [], window },
      'distance',
      undefined,
      options.limit * SCAN_PER_ALTERNATIVE + 1,
    );
    // Car parks with a space free for the window, then the ones of them that would take the booking (one statement for all).
    const withSpace = rows.filter((row) => row.id !== wanted.id && row.capacity - row.busy > 0);
    const rules = new Map((await this.repository.listedAmong(withSpace.map((row) => row.id))).map((r) => [r.id, r]));
    const alternatives: FacilityAlternative[] = [];
    for (const row of withSpace) {
      if (alternatives.length === options.limit) break;
      const facility = rules.get(row.id);
      if (!facility || !takes(facility, window, options.now)) continue;
      const quote = quoteOrNull(
        { hourlyCents: row.hourlyCents, dailyMaxCents: row.dailyMaxCents, multipliers: row.multipliers, currency: row.currency },
        window,
        row.timeZone,
      );
      if (!quote) continue;
      alternatives.push({
        facility: toFacilitySummary(row),
        distanceMeters: Math.round(row.distanceMeters ?? 0),
        quote,
        availability: availabilityView(spaceType, row.capacity, row.busy, fidelity),
        priceDifferenceCents: wantedQuote && wantedQuote.currency === quote.currency ? quote.totalCents - wantedQuote.totalCents : null,
      });
    }
    return {
      facilityId: wanted.id,
      spaceType,
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
      quote: wantedQuote,
      alternatives,
      fidelity,
    };
  }
}

/**
 * Whether the facility would take a booking of the window (open throughout, within its shortest
 * and longest stay), so that an alternative offered is one the driver can book in one click.
 * The window's start was checked against now already, so the past is no reason here.
 */
function takes(facility: ListedFacilityRules, window: TimeWindow, now: Date): boolean {
  const violations = validateBookingWindow({
    window,
    now,
    graceMinutes: Number.POSITIVE_INFINITY,
    minDurationMinutes: facility.minDurationMinutes,
    maxDurationMinutes: facility.maxDurationMinutes,
    openingHours: facility.openingHours,
    timeZone: facility.timeZone,
  });
  return violations.length === 0;
}
