import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OpeningHours, SpaceType } from '@aiparksit/shared';
import type { ClosedPeriod } from './closed-hours.js';
import type { BookedHourSums, DailyOccupancyRollup } from './hourly-occupancy.js';
import { HOURS_PER_WEEK } from './local-week.js';
import type { OccupancyModel } from './occupancy-model.js';

/** Arbitrary but fixed: the advisory lock the instance fitting the forecasts holds for the run. */
const FIT_LOCK_KEY = 7_020_261_207;

/** A facility the nightly job is to fit. */
export interface FacilityToFit {
  id: string;
  timeZone: string;
  openingHours: OpeningHours;
  /** Active spaces of all types. */
  capacity: number;
  /** Active spaces per type, for the types it has. */
  typeCapacities: Partial<Record<SpaceType, number>>;
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
  /** null: the whole facility's model (all types). */
  spaceType: SpaceType | null;
  model: OccupancyModel;
  errorSpread: number | null;
}

const MODEL_COLUMNS = `time_zone AS "timeZone", capacity, origin, level, trend_per_week AS "trendPerWeek", trend_damping AS "trendDamping",
       profile, error_spread AS "errorSpread", weeks_fitted AS "weeksFitted", fitted_at AS "fittedAt"`;

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

  /** The newest fit of any facility, or null when there is none, or no type has a model yet (the types' models are new). */
  async newestFit(): Promise<Date | null> {
    const [row] = (await this.dataSource.query(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM occupancy_type_forecasts) THEN (SELECT max(fitted_at) FROM occupancy_forecasts) END AS newest`,
    )) as [{ newest: Date | null }];
    return row.newest;
  }

  /**
   * The next facilities after `afterId` (by id) whose model is missing or was fitted before
   * `staleBefore`, or that have active spaces but no model of a type yet (just after the types'
   * models were introduced), with their active spaces in all and per type.
   */
  async dueFacilities(staleBefore: Date, afterId: string | null, limit: number): Promise<FacilityToFit[]> {
    const rows: (Omit<FacilityToFit, 'typeCapacities'> & { typeCapacities: Partial<Record<SpaceType, number>> | null })[] = await this.dataSource.query(
      `SELECT f.id, f.time_zone AS "timeZone", f.opening_hours AS "openingHours",
              coalesce(c.total, 0) AS capacity, c.by_type AS "typeCapacities"
         FROM facilities f
         LEFT JOIN occupancy_forecasts m ON m.facility_id = f.id
         LEFT JOIN LATERAL (SELECT sum(n)::int AS total, jsonb_object_agg(space_type, n) AS by_type
                              FROM (SELECT s.space_type, count(*)::int AS n FROM spaces s WHERE s.facility_id = f.id AND s.active GROUP BY 1) AS t) AS c ON true
        WHERE (m.facility_id IS NULL OR m.fitted_at < $1
               OR (c.total > 0 AND NOT EXISTS (SELECT 1 FROM occupancy_type_forecasts t WHERE t.facility_id = f.id)))
          AND ($2::uuid IS NULL OR f.id > $2::uuid)
        ORDER BY f.id
        LIMIT $3`,
      [staleBefore, afterId, limit],
    );
    return rows.map((row) => ({ ...row, typeCapacities: row.typeCapacities ?? {} }));
  }

  /**
   * Booked microseconds per facility, space type and UTC hour of [from, to), hours counted from
   * `from`: what the occupancy rollups hold, by type (the same bookings: confirmed and completed,
   * their booked period). About a second per 250 facilities of the large data set over 26 weeks.
   */
  async bookedHoursByType(facilityIds: string[], from: Date, to: Date): Promise<Map<string, Map<SpaceType, BookedHourSums>>> {
    const rows: { facilityId: string; spaceType: SpaceType; hours: number[]; bookedUs: string[] }[] = await this.dataSource.query(
      `WITH hours AS (
         SELECT b.facility_id, b.space_type, ((extract(epoch FROM h.hour_start) - extract(epoch FROM $2::timestamptz)) / 3600)::int AS hour, sum(h.us) AS us
           FROM bookings b CROSS JOIN LATERAL analytics_hour_slices(b.period * tstzrange($2, $3)) AS h
          WHERE b.facility_id = ANY($1::uuid[]) AND b.status IN ('confirmed', 'completed') AND b.period && tstzrange($2, $3)
          GROUP BY 1, 2, 3
       )
       SELECT facility_id AS "facilityId", space_type AS "spaceType", array_agg(hour ORDER BY hour) AS hours, array_agg(us ORDER BY hour) AS "bookedUs"
         FROM hours GROUP BY 1, 2`,
      [facilityIds, from, to],
    );
    const byFacility = new Map<string, Map<SpaceType, BookedHourSums>>();
    for (const row of rows) {
      const types = byFacility.get(row.facilityId) ?? new Map<SpaceType, BookedHourSums>();
      types.set(row.spaceType, { hours: row.hours, bookedUs: row.bookedUs });
      byFacility.set(row.facilityId, types);
    }
    return byFacility;
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

  /**
   * Blackouts that close the facilities' spaces of `spaceType` over [from, to): the whole
   * facility's and the type's (not those of chosen spaces); with `spaceType` null, the whole
   * facility's only.
   */
  async facilityClosures(facilityIds: string[], from: Date, to: Date, spaceType: SpaceType | null = null): Promise<Map<string, ClosedPeriod[]>> {
    const rows: { facilityId: string; startMs: string; endMs: string }[] = await this.dataSource.query(
      `SELECT facility_id AS "facilityId",
              (extract(epoch FROM lower(period)) * 1000)::bigint AS "startMs", (extract(epoch FROM upper(period)) * 1000)::bigint AS "endMs"
         FROM facility_blackouts
        WHERE facility_id = ANY($1::uuid[]) AND (space_type IS NULL OR space_type = $4) AND space_ids IS NULL AND period && tstzrange($2, $3)`,
      [facilityIds, from, to, spaceType],
    );
    const byFacility = new Map<string, ClosedPeriod[]>();
    for (const row of rows) {
      const list = byFacility.get(row.facilityId) ?? [];
      list.push({ startMs: Number(row.startMs), endMs: Number(row.endMs) });
      byFacility.set(row.facilityId, list);
    }
    return byFacility;
  }

  /** Blackouts of one space type (not of chosen spaces) over [from, to), per facility and type: added to the facility-wide ones for a type's fit. */
  async typeClosures(facilityIds: string[], from: Date, to: Date): Promise<Map<string, Map<SpaceType, ClosedPeriod[]>>> {
    const rows: { facilityId: string; spaceType: SpaceType; startMs: string; endMs: string }[] = await this.dataSource.query(
      `SELECT facility_id AS "facilityId", space_type AS "spaceType",
              (extract(epoch FROM lower(period)) * 1000)::bigint AS "startMs", (extract(epoch FROM upper(period)) * 1000)::bigint AS "endMs"
         FROM facility_blackouts
        WHERE facility_id = ANY($1::uuid[]) AND space_type IS NOT NULL AND space_ids IS NULL AND period && tstzrange($2, $3)`,
      [facilityIds, from, to],
    );
    const byFacility = new Map<string, Map<SpaceType, ClosedPeriod[]>>();
    for (const row of rows) {
      const types = byFacility.get(row.facilityId) ?? new Map<SpaceType, ClosedPeriod[]>();
      const list = types.get(row.spaceType) ?? [];
      list.push({ startMs: Number(row.startMs), endMs: Number(row.endMs) });
      types.set(row.spaceType, list);
      byFacility.set(row.facilityId, types);
    }
    return byFacility;
  }

  /**
   * Writes a batch's models (replacing older ones), stamped with the database's clock, in one
   * transaction: the facilities' models, their types' models, and the removal of models of types
   * the batch's facilities no longer have.
   */
  async saveModels(facilityIds: string[], models: FittedModelRow[]): Promise<void> {
    if (facilityIds.length === 0) return;
    const record = ({ facilityId, spaceType, model, errorSpread }: FittedModelRow) => ({
      facility_id: facilityId,
      space_type: spaceType,
      time_zone: model.timeZone,
      capacity: model.capacity,
      origin: new Date(model.originMs).toISOString(),
      level: model.level,
      trend_per_week: model.trendPerWeek,
      trend_damping: model.trendDamping,
      profile: Array.from(model.profile),
      error_spread: errorSpread,
      weeks_fitted: model.weeksFitted,
    });
    const facilityRecords = models.filter((m) => m.spaceType === null).map(record);
    const typeRecords = models.filter((m) => m.spaceType !== null).map(record);
    const recordset = `jsonb_to_recordset($1::jsonb) AS r(facility_id uuid, space_type space_type, time_zone text, capacity int, origin timestamptz, level float8,
                                                 trend_per_week float8, trend_damping float8, profile float8[], error_spread float8, weeks_fitted int)`;
    const updates = `time_zone = EXCLUDED.time_zone, capacity = EXCLUDED.capacity, origin = EXCLUDED.origin, level = EXCLUDED.level,
              trend_per_week = EXCLUDED.trend_per_week, trend_damping = EXCLUDED.trend_damping, profile = EXCLUDED.profile,
              error_spread = EXCLUDED.error_spread, weeks_fitted = EXCLUDED.weeks_fitted, fitted_at = now()`;
    await this.dataSource.transaction(async (manager) => {
      // A facility deleted since it was read is skipped rather than failing its batch.
      if (facilityRecords.length)
        await manager.query(
          `INSERT INTO occupancy_forecasts AS m (facility_id, time_zone, capacity, origin, level, trend_per_week, trend_damping, profile, error_spread, weeks_fitted)
           SELECT r.facility_id, r.time_zone, r.capacity, r.origin, r.level, r.trend_per_week, r.trend_damping, r.profile, r.error_spread, r.weeks_fitted
             FROM ${recordset}
            WHERE EXISTS (SELECT 1 FROM facilities f WHERE f.id = r.facility_id)
           ON CONFLICT (facility_id) DO UPDATE SET ${updates}`,
          [JSON.stringify(facilityRecords)],
        );
      await manager.query(
        `WITH fitted AS (SELECT r.* FROM ${recordset}), gone AS (
           DELETE FROM occupancy_type_forecasts t
            WHERE t.facility_id = ANY($2::uuid[])
              AND NOT EXISTS (SELECT 1 FROM fitted WHERE fitted.facility_id = t.facility_id AND fitted.space_type = t.space_type)
         )
         INSERT INTO occupancy_type_forecasts AS m (facility_id, space_type, time_zone, capacity, origin, level, trend_per_week, trend_damping, profile, error_spread, weeks_fitted)
         SELECT r.facility_id, r.space_type, r.time_zone, r.capacity, r.origin, r.level, r.trend_per_week, r.trend_damping, r.profile, r.error_spread, r.weeks_fitted
           FROM fitted AS r
          WHERE EXISTS (SELECT 1 FROM facilities f WHERE f.id = r.facility_id)
         ON CONFLICT (facility_id, space_type) DO UPDATE SET ${updates}`,
        [JSON.stringify(typeRecords), facilityIds],
      );
    });
  }

  /** The stored model of a facility's spaces of `spaceType` (null: of the whole facility), if it has one. */
  async model(facilityId: string, spaceType: SpaceType | null): Promise<StoredForecastModel | undefined> {
    return (await this.models([facilityId], spaceType)).get(facilityId);
  }

  /** The stored models of the facilities' spaces of `spaceType` (null: the whole facilities'), of those that have one. */
  async models(facilityIds: string[], spaceType: SpaceType | null): Promise<Map<string, StoredForecastModel>> {
    const rows = (await (spaceType === null
      ? this.dataSource.query(`SELECT facility_id AS "facilityId", ${MODEL_COLUMNS} FROM occupancy_forecasts WHERE facility_id = ANY($1::uuid[])`, [
          facilityIds,
        ])
      : this.dataSource.query(
          `SELECT facility_id AS "facilityId", ${MODEL_COLUMNS} FROM occupancy_type_forecasts WHERE facility_id = ANY($1::uuid[]) AND space_type = $2`,
          [facilityIds, spaceType],
        ))) as (ModelRow & { facilityId: string })[];
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
