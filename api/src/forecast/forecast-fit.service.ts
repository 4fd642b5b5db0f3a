import { Injectable, Logger } from '@nestjs/common';
import type { SpaceType } from '@aiparksit/shared';
import { fitFacility, fitSeries, historyStartMs } from './facility-fit.js';
import { ForecastRepository, type FittedModelRow } from './forecast.repository.js';
import { hourlyOccupancyFromHourSums } from './hourly-occupancy.js';
import { HOUR_MS } from './local-week.js';

const DAY_MS = 86_400_000;
/** Facilities read and fitted per round trip (about 45,000 rollup rows). */
export const FIT_BATCH_SIZE = 250;
/** A model fitted less than this long ago is this night's: a run started again (or by another instance) skips it. */
export const FIT_STALE_AFTER_MS = 12 * 3_600_000;

/** What one run of the fit did (facilities fitted, and their space types): `busy` when another instance held the lock and is fitting. */
export type ForecastFitRun = { outcome: 'fitted'; facilities: number; types: number; failed: number; ms: number } | { outcome: 'busy' };

/**
 * Fits and stores every facility's occupancy model from its rollups, and one per space type it has
 * from that type's booked hours (the nightly job's work).
 */
@Injectable()
export class ForecastFitService {
  private readonly logger = new Logger(ForecastFitService.name);

  constructor(private readonly forecasts: ForecastRepository) {}

  /** Whether some model exists and the newest is under a day old (start-up fits only when not). */
  async hasFreshFit(now = new Date()): Promise<boolean> {
    const newest = await this.forecasts.newestFit();
    return newest !== null && now.getTime() - newest.getTime() < DAY_MS;
  }

  /**
   * Fits every facility whose model is missing or older than FIT_STALE_AFTER_MS, and its types, from the history
   * up to the UTC hour of `now`, batch by batch (each batch committed on its own). Only one
   * instance fits at a time (an advisory lock): another that tries meanwhile answers `busy`, and
   * one that comes after finds nothing due.
   */
  async fitDue(now = new Date(), batchSize = FIT_BATCH_SIZE): Promise<ForecastFitRun> {
    const started = performance.now();
    const originMs = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const startMs = historyStartMs(originMs);
    const staleBefore = new Date(now.getTime() - FIT_STALE_AFTER_MS);
    const held = await this.forecasts.whileFitLockHeld(async () => {
      let facilities = 0;
      let types = 0;
      let failed = 0;
      let afterId: string | null = null;
      for (;;) {
        const batch = await this.forecasts.dueFacilities(staleBefore, afterId, batchSize);
        if (batch.length === 0) break;
        afterId = batch.at(-1)!.id;
        const ids = batch.map((f) => f.id);
        // Rollup days are local dates: a day of margin either side of the UTC range.
        const rollups = await this.forecasts.dailyRollups(ids, isoDay(startMs - DAY_MS), isoDay(originMs + DAY_MS));
        const bookedByType = await this.forecasts.bookedHoursByType(ids, new Date(startMs), new Date(originMs));
        const closures = await this.forecasts.facilityClosures(ids, new Date(startMs), new Date(originMs));
        const typeClosures = await this.forecasts.typeClosures(ids, new Date(startMs), new Date(originMs));
        const models: FittedModelRow[] = [];
        for (const facility of batch) {
          const facilityClosures = closures.get(facility.id) ?? [];
          try {
            const whole = fitFacility({ ...facility, rollups: rollups.get(facility.id) ?? [], closures: facilityClosures }, originMs);
            const fitted = [
              { spaceType: null, ...whole },
              ...Object.entries(facility.typeCapacities).map(([type, capacity]) => {
                const spaceType = type as SpaceType;
                const sums = bookedByType.get(facility.id)?.get(spaceType) ?? { hours: [], bookedUs: [] };
                const history = {
                  ...facility,
                  capacity: capacity ?? 0,
                  occupancy: hourlyOccupancyFromHourSums(sums, startMs, originMs),
                  closures: [...facilityClosures, ...(typeClosures.get(facility.id)?.get(spaceType) ?? [])],
                  prior: whole,
                };
                return { spaceType, ...fitSeries(history, originMs) };
              }),
            ];
            for (const { model, errorSpread } of fitted) {
              const numbers = [model.level, model.trendPerWeek, errorSpread ?? 0, ...model.profile];
              if (!numbers.every(Number.isFinite)) throw new RangeError('the fit gave a number that is not finite');
            }
            models.push(...fitted.map(({ spaceType, model, errorSpread }) => ({ facilityId: facility.id, spaceType, model, errorSpread })));
            facilities++;
            types += fitted.length - 1;
          } catch (error) {
            // One facility's odd data (an unknown zone, say) must not cost the others their forecast.
            failed++;
            this.logger.warn(`Occupancy forecast of facility ${facility.id} not fitted: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        await this.forecasts.saveModels(ids, models);
        if (batch.length < batchSize) break;
      }
      return { facilities, types, failed };
    });
    if (!held) return { outcome: 'busy' };
    return { outcome: 'fitted', ...held.result, ms: Math.round(performance.now() - started) };
  }
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
