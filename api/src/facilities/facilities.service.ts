import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { isUuid, type AvailabilityTimelineHour, type FacilityAvailability, type FacilityDetail, type SpaceTypeQuote } from '@aiparksit/shared';
import { mayAccess, type Principal } from '../access/index.js';
import type { AvailabilityQueryDto } from './dto/availability-query.dto.js';
import { FacilitiesException } from './facilities.exception.js';
import { FacilitiesRepository, type FacilityDetailRow, type ListedFacilityRules } from './facilities.repository.js';
import { toFacilitySummary } from './facility-rows.js';
import { availabilityView, fidelityFor } from './fidelity.js';
import { openIntervalsOn, validateBookingWindow, type TimeWindow } from './opening-hours/index.js';
import { quoteOrNull, ruleFieldsOnly } from './pricing/index.js';
import { parseWindow } from './search-window.js';

const HOUR_MS = 3_600_000;

@Injectable()
export class FacilitiesService {
  constructor(private readonly facilities: FacilitiesRepository) {}

  async detail(principal: Principal | undefined, id: string): Promise<FacilityDetail> {
    const row = await this.visibleDetail(principal, id);
    const fidelity = fidelityFor(principal);
    return {
      ...toFacilitySummary(row),
      description: row.description,
      openingHours: row.openingHours,
      minDurationMinutes: row.minDurationMinutes,
      maxDurationMinutes: row.maxDurationMinutes,
      rates: row.rates.map((rate) => ({ ...rate, multipliers: rate.multipliers.map(ruleFieldsOnly), currency: row.currency })),
      spaces: row.spaces.map((s) => ({ spaceType: s.spaceType, count: fidelity === 'full' ? s.count : null })),
      fidelity,
    };
  }

  /**
   * Free spaces per type for the window, and a timeline of the facility's local day the window
   * starts on: one entry per real hour from local midnight to the next (23 or 25 on DST days).
   * An hour is `open` when any part of it is within opening hours.
   */
  async availability(principal: Principal | undefined, id: string, query: AvailabilityQueryDto, now = new Date()): Promise<FacilityAvailability> {
    const window = parseWindow(query.start, query.end, now)!;
    const row = await this.visibleDetail(principal, id);
    const fidelity = fidelityFor(principal);
    const zone = row.timeZone;
    const localDate = DateTime.fromJSDate(window.start, { zone }).toISODate()!;
    const dayStart = DateTime.fromISO(localDate, { zone }).startOf('day').toMillis();
    const dayEnd = DateTime.fromISO(localDate, { zone }).plus({ days: 1 }).startOf('day').toMillis();
    const hours: TimeWindow[] = [];
    for (let t = dayStart; t < dayEnd; t += HOUR_MS) hours.push({ start: new Date(t), end: new Date(Math.min(t + HOUR_MS, dayEnd)) });

    const open = openIntervalsOn(row.openingHours, localDate, zone).map((i) => [Date.parse(i.start), Date.parse(i.end)] as const);
    const occupancy = await this.facilities.occupancy(row.id, window, hours);
    const timeline: AvailabilityTimelineHour[] = hours.map((hour, i) => ({
      start: hour.start.toISOString(),
      localStart: DateTime.fromJSDate(hour.start, { zone }).toFormat('HH:mm'),
      open: open.some(([from, to]) => from < hour.end.getTime() && to > hour.start.getTime()),
      perType: occupancy.map((o) => availabilityView(o.spaceType, o.capacity, o.busyByHour[i] ?? 0, fidelity)),
    }));
    return {
      facilityId: row.id,
      timeZone: zone,
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
      perType: occupancy.map((o) => availabilityView(o.spaceType, o.capacity, o.busyInWindow, fidelity)),
      quotes: row.rates.map((rate): SpaceTypeQuote => ({
        spaceType: rate.spaceType,
        quote: quoteOrNull(
          { hourlyCents: rate.hourlyCents, dailyMaxCents: rate.dailyMaxCents, multipliers: rate.multipliers, currency: row.currency },
          window,
          zone,
        ),
      })),
      timeline,
      // The window was checked against now already (a start in the past is a 400 above).
      windowProblems: validateBookingWindow({
        window,
        now,
        graceMinutes: Number.POSITIVE_INFINITY,
        minDurationMinutes: row.minDurationMinutes,
        maxDurationMinutes: row.maxDurationMinutes,
        openingHours: row.openingHours,
        timeZone: zone,
      }),
      fidelity,
    };
  }

  /** Of the facilities, the ones anybody may see (listed), with their clock and booking rules: for figures about several at once. */
  listedAmong(ids: string[]): Promise<ListedFacilityRules[]> {
    return ids.length ? this.facilities.listedAmong(ids) : Promise.resolve([]);
  }

  /**
   * The facility when the caller may see it: listed ones for everybody; an unlisted one only for
   * its operator's owner and admins. Anyone else is told it does not exist, canaries included.
   */
  async visibleDetail(principal: Principal | undefined, id: string): Promise<FacilityDetailRow> {
    const row = isUuid(id) ? await this.facilities.findDetail(id) : undefined;
    if (!row || !(row.listed || (principal && mayAccess(principal, row.ownerId)))) {
      throw new FacilitiesException('facility_not_found', 'No such facility.');
    }
    return row;
  }
}
