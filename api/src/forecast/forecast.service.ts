import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  isUuid,
  type FacilityForecast,
  type ForecastBadge,
  type ForecastBadges,
  type FacilityForecastHour,
  type OpeningHours,
  type OperatorFacilityForecast,
  type OperatorForecastDay,
  type OperatorForecastHour,
  type SpaceType,
} from '@aiparksit/shared';
import { mayAccess, type Principal, type UserPrincipal } from '../access/index.js';
import { FacilitiesService, fidelityFor, parseWindow } from '../facilities/index.js';
import { closedHours, type ClosedPeriod } from './closed-hours.js';
import { averageOver, expectedOccupancy, forecastLevel, isExpectedFull, round1, usuallyFullBy } from './forecast-reading.js';
import { ForecastException } from './forecast.exception.js';
import { ForecastRepository, type StoredForecastModel } from './forecast.repository.js';
import { HOUR_MS } from './local-week.js';
import type { FacilityForecastQueryDto, ForecastBadgesQueryDto, OperatorForecastQueryDto } from './dto/forecast-query.dto.js';

/** The operator's outlook: local days from today. */
const OUTLOOK_DAYS = 14;
/** The band: ± this many one-week-ahead error spreads (the normal distribution's 80 % interval). */
const BAND_Z = 1.28;

/** An hourly series of a stored model over UTC hours from `startMs`, with the closed hours. */
interface HourlyGrid {
  startMs: number;
  expected: Float64Array;
  closed: Uint8Array;
}

/** Expected occupied spaces of one facility and space type, hour by hour, for services that plan on them. */
export interface ExpectedHours {
  /** Active spaces of the type now: expectations never exceed it. */
  capacity: number;
  /** UTC hour boundary of `expected[0]`. */
  startMs: number;
  /** Expected occupied spaces per UTC hour; 0 in closed hours, NaN beyond the forecast's horizon. */
  expected: Float64Array;
  /** 1 where the facility is closed for the hour (opening hours, facility-wide blackouts). */
  closed: Uint8Array;
  /** One-week-ahead RMS error of the model in spaces of the type, when known. */
  errorSpread: number | null;
  fittedAt: Date;
}

/**
 * Occupancy forecasts per facility and space type, as drivers and operators read them (operators
 * also the whole facility's). The hours asked for are computed from the stored model.
 */
@Injectable()
export class ForecastService {
  constructor(
    private readonly forecasts: ForecastRepository,
    private readonly facilities: FacilitiesService,
  ) {}

  /**
   * The public forecast of the local day the window starts on, hour by hour, and whether the
   * window is likely to fill up. Visibility, window rules and errors are those of availability.
   */
  async facilityForecast(principal: Principal | undefined, id: string, query: FacilityForecastQueryDto, now = new Date()): Promise<FacilityForecast> {
    const window = parseWindow(query.start, query.end, now)!;
    const facility = await this.facilities.visibleDetail(principal, id);
    const fidelity = fidelityFor(principal);
    const zone = facility.timeZone;
    const spaceType = query.spaceType ?? 'standard';
    const answer = {
      facilityId: facility.id,
      timeZone: zone,
      spaceType,
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
      fidelity,
    };
    const stored = await this.forecasts.model(facility.id, spaceType);
    if (!hasHistory(stored)) return { ...answer, forecast: null };

    const { model } = stored;
    const localDate = DateTime.fromJSDate(window.start, { zone }).toISODate()!;
    const dayStart = DateTime.fromISO(localDate, { zone }).startOf('day').toMillis();
    const dayEnd = DateTime.fromISO(localDate, { zone }).plus({ days: 1 }).startOf('day').toMillis();
    const grid = await this.hourlyGrid(stored, facility, spaceType, Math.min(dayStart, window.start.getTime()), Math.max(dayEnd, window.end.getTime()));
    const exact = fidelity === 'full';
    const hours: FacilityForecastHour[] = hoursOfDay(dayStart, dayEnd).map(([from, to]) => {
      const expected = averageOver(grid.expected, grid.startMs, from, to);
      const known = Number.isFinite(expected);
      return {
        start: new Date(from).toISOString(),
        localStart: DateTime.fromMillis(from, { zone }).toFormat('HH:mm'),
        open: isOpen(grid, from, to),
        level: known ? forecastLevel(expected, model.capacity) : null,
        expectedOccupied: known && exact ? round1(expected) : null,
      };
    });
    const likelyToFillUp = expectedFullIn(grid, model.capacity, window);
    return {
      ...answer,
      forecast: {
        fittedAt: stored.fittedAt.toISOString(),
        capacity: exact ? model.capacity : null,
        likelyToFillUp,
        usuallyFullBy: usuallyFullBy(model),
        hours,
      },
    };
  }

  /**
   * The operator's own facility (an admin's any): 14 local days hour by hour with a band, and per
   * day, of one space type's spaces or (`spaceType` omitted) of the whole facility's.
   */
  async operatorForecast(user: UserPrincipal, id: string, query: OperatorForecastQueryDto = {}, now = new Date()): Promise<OperatorFacilityForecast> {
    const facility = isUuid(id) ? await this.forecasts.facility(id) : undefined;
    if (!facility || !mayAccess(user, facility.ownerId)) throw new ForecastException('facility_not_found', 'No such facility.');
    const zone = facility.timeZone;
    const spaceType = query.spaceType ?? null;
    const stored = await this.forecasts.model(facility.id, spaceType);
    if (!hasHistory(stored)) return { facilityId: facility.id, timeZone: zone, spaceType, forecast: null };

    const { model, errorSpread } = stored;
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const dayStarts = Array.from({ length: OUTLOOK_DAYS + 1 }, (_, d) => today.plus({ days: d }).startOf('day').toMillis());
    const grid = await this.hourlyGrid(stored, facility, spaceType, dayStarts[0]!, dayStarts[OUTLOOK_DAYS]!);
    const capacity = model.capacity;
    const hours: OperatorForecastHour[] = [];
    const days: OperatorForecastDay[] = [];
    for (let d = 0; d < OUTLOOK_DAYS; d++) {
      let openHours = 0;
      let spaceHours = 0;
      let openExpected = 0;
      let peak = 0;
      let peakLocalStart: string | null = null;
      let full = false;
      for (const [from, to] of hoursOfDay(dayStarts[d]!, dayStarts[d + 1]!)) {
        const raw = averageOver(grid.expected, grid.startMs, from, to);
        const expected = Number.isFinite(raw) ? raw : 0;
        const open = isOpen(grid, from, to);
        const localStart = DateTime.fromMillis(from, { zone }).toFormat('HH:mm');
        const band = errorSpread === null || !open ? null : BAND_Z * errorSpread;
        hours.push({
          start: new Date(from).toISOString(),
          localStart,
          open,
          expectedOccupied: round1(expected),
          low: band === null ? (open ? null : 0) : round1(Math.max(0, expected - band)),
          high: band === null ? (open ? null : 0) : round1(Math.min(capacity, expected + band)),
        });
        spaceHours += (expected * (to - from)) / HOUR_MS;
        if (!open) continue;
        openHours++;
        openExpected += expected;
        if (peakLocalStart === null || expected > peak) [peak, peakLocalStart] = [expected, localStart];
        if (isExpectedFull(expected, capacity)) full = true;
      }
      days.push({
        date: DateTime.fromMillis(dayStarts[d]!, { zone }).toISODate()!,
        openHours,
        expectedSpaceHours: round1(spaceHours),
        peakExpectedOccupied: round1(peak),
        peakLocalStart,
        averagePercent: openHours > 0 && capacity > 0 ? round1((100 * openExpected) / (openHours * capacity)) : null,
        likelyToFillUp: full,
      });
    }
    return {
      facilityId: facility.id,
      timeZone: zone,
      spaceType,
      forecast: {
        fittedAt: stored.fittedAt.toISOString(),
        origin: new Date(model.originMs).toISOString(),
        weeksFitted: model.weeksFitted,
        capacity,
        trendPerWeek: Math.round(model.trendPerWeek * 1000) / 1000,
        errorSpread: errorSpread === null ? null : Math.round(errorSpread * 1000) / 1000,
        usuallyFullBy: usuallyFullBy(model),
        hours,
        days,
      },
    };
  }

  /**
   * Expected occupancy of the facility's spaces of `spaceType` over `hours` UTC hours from
   * `startMs` (an hour boundary), from the type's own model, or null before its first fit.
   * Spaces added or retired since the fit are taken into account by clamping to today's count.
   */
  async expectedHours(facilityId: string, spaceType: SpaceType, startMs: number, hours: number): Promise<ExpectedHours | null> {
    const [facility, stored] = await Promise.all([this.forecasts.facility(facilityId), this.forecasts.model(facilityId, spaceType)]);
    if (!facility || !hasHistory(stored)) return null;
    const capacity = await this.forecasts.activeSpaces(facilityId, spaceType);
    const grid = await this.hourlyGrid(stored, facility, spaceType, startMs, startMs + hours * HOUR_MS);
    return {
      capacity,
      startMs: grid.startMs,
      expected: grid.expected.map((value) => Math.min(capacity, value)),
      closed: grid.closed,
      errorSpread: stored.errorSpread,
      fittedAt: stored.fittedAt,
    };
  }

  /** Expected occupancy and closed hours (for `spaceType`'s spaces; null: the whole facility) over the whole UTC hours covering [fromMs, toMs). */
  private async hourlyGrid(
    stored: StoredForecastModel,
    facility: { id: string; timeZone: string; openingHours: OpeningHours },
    spaceType: SpaceType | null,
    fromMs: number,
    toMs: number,
  ): Promise<HourlyGrid> {
    const startMs = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
    const hours = Math.ceil(toMs / HOUR_MS) - startMs / HOUR_MS;
    const closures = await this.forecasts.facilityClosures([facility.id], new Date(startMs), new Date(startMs + hours * HOUR_MS), spaceType);
    return gridOf(stored, facility, closures.get(facility.id), startMs, hours);
  }

  /**
   * The badges of a result page: for each listed car park with a forecast of the searched space
   * type, whether the searched window is likely to fill up and when it is usually full. Three
   * statements for the page.
   */
  async badges(query: ForecastBadgesQueryDto, now = new Date()): Promise<ForecastBadges> {
    const window = parseWindow(query.start, query.end, now)!;
    const ids = idsOf(query.ids);
    if (!ids.length) return { results: [] };
    const spaceType = query.spaceType ?? 'standard';
    const [listed, models] = await Promise.all([this.facilities.listedAmong(ids), this.forecasts.models(ids, spaceType)]);
    const startMs = Math.floor(window.start.getTime() / HOUR_MS) * HOUR_MS;
    const hours = Math.ceil(window.end.getTime() / HOUR_MS) - startMs / HOUR_MS;
    const closures = await this.forecasts.facilityClosures(
      listed.map((f) => f.id),
      new Date(startMs),
      new Date(startMs + hours * HOUR_MS),
      spaceType,
    );
    const byId = new Map(listed.map((f) => [f.id, f]));
    const results: ForecastBadge[] = [];
    for (const id of ids) {
      const facility = byId.get(id);
      const stored = models.get(id);
      if (!facility || !hasHistory(stored)) continue;
      const grid = gridOf(stored, facility, closures.get(id), startMs, hours);
      results.push({ id, likelyToFillUp: expectedFullIn(grid, stored.model.capacity, window), usuallyFullBy: usuallyFullBy(stored.model) });
    }
    return { results };
  }
}

/** The model's expected occupancy and the closed hours over `hours` UTC hours from `startMs`. */
function gridOf(
  stored: StoredForecastModel,
  facility: { timeZone: string; openingHours: OpeningHours },
  closures: ClosedPeriod[] | undefined,
  startMs: number,
  hours: number,
): HourlyGrid {
  const closed = closedHours({ startMs, hours, timeZone: facility.timeZone, openingHours: facility.openingHours, closures });
  return { startMs, expected: expectedOccupancy(stored.model, startMs, hours, closed), closed };
}

/** Some open hour of the window is expected full. */
function expectedFullIn(grid: HourlyGrid, capacity: number, window: { start: Date; end: Date }): boolean {
  const first = Math.floor((window.start.getTime() - grid.startMs) / HOUR_MS);
  for (let i = first; grid.startMs + i * HOUR_MS < window.end.getTime(); i++) {
    const expected = grid.expected[i]!;
    if (!grid.closed[i] && Number.isFinite(expected) && isExpectedFull(expected, capacity)) return true;
  }
  return false;
}

/** The distinct ids of the comma list (the DTO has checked their form and number), in the order given. */
function idsOf(list: string): string[] {
  return [...new Set(list.split(',').map((id) => id.trim().toLowerCase()))];
}

/** A model that has read at least one booked hour; before that there is nothing to forecast from. */
function hasHistory(stored: StoredForecastModel | undefined): stored is StoredForecastModel {
  return stored !== undefined && stored.model.weeksFitted > 0;
}

/** The real hours of a local day from its midnight (the last one shorter on a day whose offset is not whole hours). */
function hoursOfDay(dayStart: number, dayEnd: number): [number, number][] {
  const hours: [number, number][] = [];
  for (let t = dayStart; t < dayEnd; t += HOUR_MS) hours.push([t, Math.min(t + HOUR_MS, dayEnd)]);
  return hours;
}

/** Open for some part of [fromMs, toMs). */
function isOpen(grid: HourlyGrid, fromMs: number, toMs: number): boolean {
  for (let i = Math.floor((fromMs - grid.startMs) / HOUR_MS); grid.startMs + i * HOUR_MS < toMs; i++) if (grid.closed[i] === 0) return true;
  return false;
}
