import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OpeningHours } from '@aiparksit/shared';
import type { ClosedPeriod } from './closed-hours.js';
import type { DailyOccupancyRollup } from './hourly-occupancy.js';
import { HOURS_PER_WEEK } from './local-week.js';
import type { OccupancyModel } from './occupancy-model.js';

/** Arbitrary but fixed: the advisory lock the instance fitting the forecasts holds for the run. */
const FIT_LOCK_KEY = 7_020_261_207;

/** A facility the nightly job is to fit. */
export interface FacilityToFit {
  id: string;
  timeZone: string;
  openingHours: OpeningHours;
  capacity: number;
}

/** A facility as the operator's forecast route needs it: whose it is, and what closes it. */
export interface ForecastFacility {
  id: string;
  ownerId: string;
  timeZone: string;
  openingHours: OpeningHours;
}

/** A stored model, as the pure reading functions take it. */
export interface StoredForecastModel {
  model: OccupancyModel;
  errorSpread: number | null;
  fittedAt: Date;
}

export interface FittedModelRow {
  facilityId: string;
  model: OccupancyModel;
  errorSpread: number | null;
}

interface ModelRow {
  timeZone: string;
  capacity: number;
  origin: Date;
  level: number;
  trendPerWeek: number;
  trendDamping: number;
  profile: number[];
  errorSpread: number | null;
  weeksFitted: number;
  fittedAt: Date;
}

/** The forecasts' SQL: the history the job reads, the models it writes, and the run's lock. */
@Injectable()
export class ForecastRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` while holding the fitting lock, on a connection of its own; answers undefined at
   * once when another session (another API instance) holds it. A session lock rather than a
   * transaction's: the run commits batch by batch, and a crashed instance's lock goes with its
   * connection.
   */
  async whileFitLockHeld<T>(work: () => Promise<T>): Promise<{ result: T } | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [FIT_LOCK_KEY])) as [{ locked: boolean }];
      if (!locked) return undefined;
      try {
        return { result: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [FIT_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /** The newest fit of any facility, or null when there is none. */
  async newestFit(): Promise<Date | null> {
    const [row] = (await this.dataSource.query('SELECT max(fitted_at) AS newest FROM occupancy_forecasts')) as [{ newest: Date | null }];
    return row.newest;
  }

  /**
   * The next facilities after `afterId` (by id) whose model is missing or was fitted before
   * `staleBefore`, with their active spaces.
   */
  async dueFacilities(staleBefore: Date, afterId: string | null, limit: number): Promise<FacilityToFit[]> {
    return this.dataSource.query(
      `SELECT f.id, f.time_zone AS "timeZone", f.opening_hours AS "openingHours",
              (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS capacity
         FROM facilities f
         LEFT JOIN occupancy_forecasts m ON m.facility_id = f.id
        WHERE (m.facility_id IS NULL OR m.fitted_at < $1)
          AND ($2::uuid IS NULL OR f.id > $2::uuid)
        ORDER BY f.id
        LIMIT $3`,
      [staleBefore, afterId, limit],
    );
  }

  /** The daily occupancy rollups of the facilities over local days `fromDay`..`toDay`. */
  async dailyRollups(facilityIds: string[], fromDay: string, toDay: string): Promise<Map<string, DailyOccupancyRollup[]>> {
    const rows: (DailyOccupancyRollup & { facilityId: string })[] = await this.dataSource.query(
      `SELECT facility_id AS "facilityId", day::text AS day, booked_us_by_hour AS "bookedUsByHour"
         FROM analytics_occupancy_daily
        WHERE facility_id = ANY($1::uuid[]) AND day BETWEEN $2::date AND $3::date`,
      [facilityIds, fromDay, toDay],
    );
    const byFacility = new Map<string, DailyOccupancyRollup[]>(facilityIds.map((id) => [id, []]));
    for (const row of rows) byFacility.get(row.facilityId)!.push(row);
    return byFacility;
  }

  /** Blackouts of whole facilities (not of a type or of chosen spaces) overlapping [from, to). */
  async facilityClosures(facilityIds: string[], from: Date, to: Date): Promise<Map<string, ClosedPeriod[]>> {
    const rows: { facilityId: string; startMs: string; endMs: string }[] = await this.dataSource.query(
      `SELECT facility_id AS "facilityId",
              (extract(epoch FROM lower(period)) * 1000)::bigint AS "startMs", (extract(epoch FROM upper(period)) * 1000)::bigint AS "endMs"
         FROM facility_blackouts
        WHERE facility_id = ANY($1::uuid[]) AND space_type IS NULL AND space_ids IS NULL AND period && tstzrange($2, $3)`,
      [facilityIds, from, to],
    );
    const byFacility = new Map<string, ClosedPeriod[]>();
    for (const row of rows) {
      const list = byFacility.get(row.facilityId) ?? [];
      list.push({ startMs: Number(row.startMs), endMs: Number(row.endMs) });
      byFacility.set(row.facilityId, list);
    }
    return byFacility;
  }

  /** Writes the models (replacing older ones), stamped with the database's clock. */
  async saveModels(models: FittedModelRow[]): Promise<void> {
    if (models.length === 0) return;
    const records = models.map(({ facilityId, model, errorSpread }) => ({
      facility_id: facilityId,
      time_zone: model.timeZone,
      capacity: model.capacity,
      origin: new Date(model.originMs).toISOString(),
      level: model.level,
      trend_per_week: model.trendPerWeek,
      trend_damping: model.trendDamping,
      profile: Array.from(model.profile),
      error_spread: errorSpread,
      weeks_fitted: model.weeksFitted,
    }));
    // A facility deleted since it was read is skipped rather than failing its batch.
    await this.dataSource.query(
      `INSERT INTO occupancy_forecasts AS m (facility_id, time_zone, capacity, origin, level, trend_per_week, trend_damping, profile, error_spread, weeks_fitted)
       SELECT r.facility_id, r.time_zone, r.capacity, r.origin, r.level, r.trend_per_week, r.trend_damping, r.profile, r.error_spread, r.weeks_fitted
         FROM jsonb_to_recordset($1::jsonb) AS r(facility_id uuid, time_zone text, capacity int, origin timestamptz, level float8,
                                                 trend_per_week float8, trend_damping float8, profile float8[], error_spread float8, weeks_fitted int)
        WHERE EXISTS (SELECT 1 FROM facilities f WHERE f.id = r.facility_id)
       ON CONFLICT (facility_id) DO UPDATE
          SET time_zone = EXCLUDED.time_zone, capacity = EXCLUDED.capacity, origin = EXCLUDED.origin, level = EXCLUDED.level,
              trend_per_week = EXCLUDED.trend_per_week, trend_damping = EXCLUDED.trend_damping, profile = EXCLUDED.profile,
              error_spread = EXCLUDED.error_spread, weeks_fitted = EXCLUDED.weeks_fitted, fitted_at = now()`,
      [JSON.stringify(records)],
    );
  }

  /** The facility's stored model, if it has one. */
  async model(facilityId: string): Promise<StoredForecastModel | undefined> {
    return (await this.models([facilityId])).get(facilityId);
  }

  /** The stored models of the facilities that have one. */
  async models(facilityIds: string[]): Promise<Map<string, StoredForecastModel>> {
    const rows = (await this.dataSource.query(
      `SELECT facility_id AS "facilityId", time_zone AS "timeZone", capacity, origin, level, trend_per_week AS "trendPerWeek",
              trend_damping AS "trendDamping", profile, error_spread AS "errorSpread", weeks_fitted AS "weeksFitted", fitted_at AS "fittedAt"
         FROM occupancy_forecasts WHERE facility_id = ANY($1::uuid[])`,
      [facilityIds],
    )) as (ModelRow & { facilityId: string })[];
    const byFacility = new Map<string, StoredForecastModel>();
    for (const row of rows) {
      if (row.profile.length !== HOURS_PER_WEEK) continue;
      byFacility.set(row.facilityId, {
        model: {
          timeZone: row.timeZone,
          capacity: row.capacity,
          originMs: row.origin.getTime(),
          level: row.level,
          trendPerWeek: row.trendPerWeek,
          trendDamping: row.trendDamping,
          profile: Float64Array.from(row.profile),
          weeksFitted: row.weeksFitted,
        },
        errorSpread: row.errorSpread,
        fittedAt: row.fittedAt,
      });
    }
    return byFacility;
  }

  /** Active spaces of one type at a facility. */
  async activeSpaces(facilityId: string, spaceType: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM spaces WHERE facility_id = $1 AND space_type = $2 AND active`, [
      facilityId,
      spaceType,
    ])) as [{ n: number }];
    return row.n;
  }

  /** A facility with its operator's owner, for the operator's route. */
  async facility(facilityId: string): Promise<ForecastFacility | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT f.id, o.owner_id AS "ownerId", f.time_zone AS "timeZone", f.opening_hours AS "openingHours"
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = $1`,
      [facilityId],
    )) as ForecastFacility[];
    return row;
  }
}
