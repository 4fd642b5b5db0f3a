import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trigger functions a hold or a payment fires. Their statements take the transition rows as
 * an array (`unnest(deltas)`, `= ANY (touched)`), and under `plan_cache_mode = auto` PostgreSQL
 * judged the generic plan dearer than a custom one on every call: each rollup upsert was planned
 * afresh for each booking (1.3–1.7 ms apiece on the large set, more than running it). Their
 * plans do not depend on the values (primary-key lookups and upserts of a few rows), so the
 * generic plan is kept. The setting holds for the whole call, also for the functions they call
 * (`metrics_apply_money`, `metrics_stay_of`, `space_availability_refresh` …), and only there:
 * the rebuilds and a blackout's refresh of a car park's spaces keep their custom plans.
 */
const TRIGGER_FUNCTIONS = [
  'analytics_occupancy_apply()',
  'analytics_revenue_apply()',
  'metrics_stays_apply()',
  'metrics_money_apply()',
  'space_availability_bookings_inserted()',
  'space_availability_bookings_updated()',
  'space_availability_bookings_deleted()',
];

export class TriggerGenericPlans1795503900000 implements MigrationInterface {
  name = 'TriggerGenericPlans1795503900000';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of TRIGGER_FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of TRIGGER_FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} RESET plan_cache_mode`);
  }
}
