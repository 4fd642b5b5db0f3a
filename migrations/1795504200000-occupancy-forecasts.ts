import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fitted occupancy model of each facility (api/src/forecast), one row per facility, written
 * by the nightly job. The model is stored rather than its forecast: a level, a damped trend and a
 * 168-slot weekly profile on the local clock are a few hundred numbers, and any hour of the next
 * days is computed from them on read in microseconds, where 14 days of hourly rows for every
 * facility would be millions of rows rewritten every night.
 */
export class OccupancyForecasts1795504200000 implements MigrationInterface {
  name = 'OccupancyForecasts1795504200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE occupancy_forecasts (
        facility_id      uuid PRIMARY KEY REFERENCES facilities (id) ON DELETE CASCADE,
        -- The zone the profile's slots were read in (the facility's when fitted).
        time_zone        text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        -- Active spaces when fitted: forecasts never exceed it.
        capacity         integer NOT NULL CHECK (capacity >= 0),
        -- Where the history ended and the forecast starts (a UTC hour boundary).
        origin           timestamptz NOT NULL,
        level            float8 NOT NULL,
        trend_per_week   float8 NOT NULL,
        trend_damping    float8 NOT NULL CHECK (trend_damping > 0 AND trend_damping <= 1),
        -- Slot (ISO weekday − 1) × 24 + local hour, Monday 00:00 first, as a multiple of the level.
        profile          float8[] NOT NULL CHECK (cardinality(profile) = 168 AND array_ndims(profile) = 1),
        -- RMS error of forecasting the last week of history from the weeks before; null with under three weeks.
        error_spread     float8 CHECK (error_spread >= 0),
        weeks_fitted     integer NOT NULL CHECK (weeks_fitted >= 0),
        fitted_at        timestamptz NOT NULL DEFAULT now()
      )`);
    // The job's "is anything stale?" (newest fit) and "which are due?" read this.
    await q.query(`CREATE INDEX occupancy_forecasts_fitted_at_idx ON occupancy_forecasts (fitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS occupancy_forecasts`);
  }
}
