import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fitted occupancy model of each facility and space type (api/src/forecast), beside the
 * facility-wide one in occupancy_forecasts: the same columns, one row per (facility, type) with
 * active spaces, written by the same nightly job in the same transaction as the facility's row.
 * Its history is read from bookings by the job (the rollups hold no space type), so nothing is
 * added to the booking write path. A facility with active spaces and no row here is due for a fit
 * (ForecastRepository.dueFacilities), so the first start-up after this migration fits the types.
 */
export class OccupancyTypeForecasts1795504300000 implements MigrationInterface {
  name = 'OccupancyTypeForecasts1795504300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE occupancy_type_forecasts (
        facility_id      uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type       space_type NOT NULL,
        time_zone        text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        -- Active spaces of the type when fitted: forecasts never exceed it.
        capacity         integer NOT NULL CHECK (capacity >= 0),
        origin           timestamptz NOT NULL,
        level            float8 NOT NULL,
        trend_per_week   float8 NOT NULL,
        trend_damping    float8 NOT NULL CHECK (trend_damping > 0 AND trend_damping <= 1),
        profile          float8[] NOT NULL CHECK (cardinality(profile) = 168 AND array_ndims(profile) = 1),
        error_spread     float8 CHECK (error_spread >= 0),
        weeks_fitted     integer NOT NULL CHECK (weeks_fitted >= 0),
        fitted_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (facility_id, space_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS occupancy_type_forecasts`);
  }
}
