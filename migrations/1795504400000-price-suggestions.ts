import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price suggestions for operators, and the history of every rate change.
 *
 * - `rate_changes`: one row per space type whose rate card a change touched (created, changed,
 *   removed), written in the transaction of the change: the card before and after, who, when, and
 *   whether it was set by hand or by accepting a suggestion (then which). It is the audit of rates
 *   and the price history the suggestion rules read.
 * - `price_suggestions`: each suggestion as shown to an operator, keyed by a fingerprint of the
 *   rate it was computed on and of what it suggests, so accepting applies exactly what was shown,
 *   and refuses when the rate has changed since.
 * - `price_floors`: the lowest hourly price (minor units) suggestions may set, per facility and type.
 */
export class PriceSuggestions1795504400000 implements MigrationInterface {
  name = 'PriceSuggestions1795504400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE price_suggestions (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id                 uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type                  space_type NOT NULL,
        fingerprint                 text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        -- The rate card (RateInput) the suggestion was computed on, and the one it suggests.
        based_on                    jsonb NOT NULL,
        suggested                   jsonb NOT NULL,
        -- The bands and reasons as the operator read them.
        bands                       jsonb NOT NULL DEFAULT '[]',
        weekly_revenue_change_cents integer NOT NULL,
        created_at                  timestamptz NOT NULL DEFAULT now(),
        accepted_at                 timestamptz,
        accepted_by                 uuid REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT price_suggestions_fingerprint_key UNIQUE (facility_id, space_type, fingerprint)
      )`);
    await q.query(`
      CREATE TABLE rate_changes (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id   uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type    space_type NOT NULL,
        before        jsonb,
        after         jsonb,
        source        text NOT NULL CHECK (source IN ('manual', 'suggestion')),
        suggestion_id uuid REFERENCES price_suggestions (id) ON DELETE CASCADE,
        changed_by    uuid REFERENCES users (id) ON DELETE SET NULL,
        changed_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rate_changes_has_a_side CHECK (before IS NOT NULL OR after IS NOT NULL),
        CONSTRAINT rate_changes_suggestion_named CHECK ((source = 'suggestion') = (suggestion_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX rate_changes_facility_idx ON rate_changes (facility_id, changed_at)`);
    await q.query(`
      CREATE TABLE price_floors (
        facility_id uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type  space_type NOT NULL,
        floor_cents integer NOT NULL CHECK (floor_cents BETWEEN 1 AND 1000000),
        updated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (facility_id, space_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE price_floors`);
    await q.query(`DROP TABLE rate_changes`);
    await q.query(`DROP TABLE price_suggestions`);
  }
}
