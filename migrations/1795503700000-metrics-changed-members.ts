import type { MigrationInterface, QueryRunner } from 'typeorm';

// The money rollups of InvestorMetrics1795502000000, unchanged (a migration keeps its own copy).
const MONEY_SUMS = `
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'gross'), 0),
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'platform_fee'), 0),
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'refund'), 0),
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'refund_platform_fee'), 0),
  coalesce(sum(d.sign) FILTER (WHERE d.first_payment), 0)::int`;
const MONEY_COLUMNS = 'gross_cents, fee_cents, refund_cents, refund_fee_cents, paid_bookings';
const MONEY_ADD = MONEY_COLUMNS.split(', ')
  .map((c) => `${c} = r.${c} + EXCLUDED.${c}`)
  .join(', ');
const MONEY_UPSERT = `
  WITH d AS MATERIALIZED (
    SELECT s.*, (s.occurred_at AT TIME ZONE s.time_zone)::date AS day FROM unnest(deltas) AS s
  ), city AS (
    INSERT INTO metrics_city_revenue_daily AS r (day, country_code, city, currency, space_type, slot, ${MONEY_COLUMNS})
    SELECT d.day, d.country_code, d.city, d.currency, d.space_type, pg_backend_pid(), ${MONEY_SUMS}
      FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, country_code, city, currency, space_type, slot) DO UPDATE SET ${MONEY_ADD}
  ), facility_days AS (
    INSERT INTO metrics_facility_revenue_daily AS r (day, facility_id, currency, operator_id, ${MONEY_COLUMNS})
    SELECT d.day, d.facility_id, d.currency, min(d.operator_id::text)::uuid, ${MONEY_SUMS}
      FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, facility_id, currency) DO UPDATE SET ${MONEY_ADD}
  )
  INSERT INTO metrics_facility_revenue_monthly AS r (month, facility_id, currency, operator_id, ${MONEY_COLUMNS})
  SELECT date_trunc('month', d.day::timestamp)::date, d.facility_id, d.currency, min(d.operator_id::text)::uuid, ${MONEY_SUMS}
    FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (month, facility_id, currency) DO UPDATE SET ${MONEY_ADD}`;

/** The signed first payments per member and local day. */
const MEMBER_DAYS = `
  SELECT 'driver' AS kind, d.driver_id AS member_id, (d.occurred_at AT TIME ZONE d.time_zone)::date AS day, d.sign FROM unnest(deltas) AS d WHERE d.first_payment
  UNION ALL
  SELECT 'operator', d.operator_id, (d.occurred_at AT TIME ZONE d.time_zone)::date, d.sign FROM unnest(deltas) AS d WHERE d.first_payment`;

/**
 * `rederive` names the members whose gaps and cohort cells are taken away before their active
 * days change and added back after: all members with a first payment (the original), or only
 * those whose set of active days changes.
 */
const applyMoney = (rederive: 'all' | 'changed') => `
  CREATE OR REPLACE FUNCTION metrics_apply_money(deltas metrics_money_delta[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE drivers uuid[]; operators uuid[];${rederive === 'changed' ? ' changed_drivers uuid[]; changed_operators uuid[];' : ''}
  BEGIN
    deltas := ARRAY(SELECT d FROM unnest(deltas) AS d WHERE d.account IN ('gross', 'platform_fee', 'refund', 'refund_platform_fee') AND d.sign <> 0);
    IF cardinality(deltas) = 0 THEN RETURN; END IF;
    ${MONEY_UPSERT};
    drivers := ARRAY(SELECT DISTINCT d.driver_id FROM unnest(deltas) AS d WHERE d.first_payment ORDER BY 1);
    operators := ARRAY(SELECT DISTINCT d.operator_id FROM unnest(deltas) AS d WHERE d.first_payment ORDER BY 1);
    IF cardinality(drivers) = 0 THEN RETURN; END IF;
    -- 64-bit keys in the metrics' own range of the advisory key space (hash collisions only serialise more).
    PERFORM metrics_lock_members(ARRAY(
      SELECT (1795502000::bigint << 32) | (hashtext('driver:' || x::text)::bigint & 4294967295) FROM unnest(drivers) AS x
      UNION ALL
      SELECT (1795502001::bigint << 32) | (hashtext('operator:' || x::text)::bigint & 4294967295) FROM unnest(operators) AS x));
    ${
      rederive === 'changed'
        ? `-- Gaps and cohort cells follow from the set of a member's active days alone. Under the member
    -- locks, a day of theirs gains its first paid booking or loses its last exactly when its row
    -- appears or goes below: only those members' rollups move.
    SELECT coalesce(array_agg(DISTINCT x.member_id ORDER BY x.member_id) FILTER (WHERE x.kind = 'driver'), '{}'),
           coalesce(array_agg(DISTINCT x.member_id ORDER BY x.member_id) FILTER (WHERE x.kind = 'operator'), '{}')
      INTO changed_drivers, changed_operators
      FROM (SELECT m.kind, m.member_id, m.day, sum(m.sign) AS delta FROM (${MEMBER_DAYS}) m GROUP BY 1, 2, 3) x
      LEFT JOIN metrics_active_days a ON a.kind = x.kind AND a.member_id = x.member_id AND a.day = x.day
     WHERE (a.member_id IS NOT NULL) <> (coalesce(a.paid_bookings, 0) + x.delta <> 0);
    PERFORM metrics_member_rollups('driver', changed_drivers, -1);
    PERFORM metrics_member_rollups('operator', changed_operators, -1);`
        : `PERFORM metrics_member_rollups('driver', drivers, -1);
    PERFORM metrics_member_rollups('operator', operators, -1);`
    }
    INSERT INTO metrics_active_days AS r (kind, member_id, day, paid_bookings)
    SELECT x.kind, x.member_id, x.day, sum(x.sign)
      FROM (${MEMBER_DAYS}) x
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (kind, member_id, day) DO UPDATE SET paid_bookings = r.paid_bookings + EXCLUDED.paid_bookings;
    ${
      rederive === 'changed'
        ? `-- Only the days just written can have reached zero (by primary key, not a scan of the members' days).
    DELETE FROM metrics_active_days a USING (SELECT DISTINCT m.kind, m.member_id, m.day FROM (${MEMBER_DAYS}) m) x
     WHERE a.kind = x.kind AND a.member_id = x.member_id AND a.day = x.day AND a.paid_bookings = 0;`
        : `DELETE FROM metrics_active_days a
     WHERE a.paid_bookings = 0 AND ((a.kind = 'driver' AND a.member_id = ANY(drivers)) OR (a.kind = 'operator' AND a.member_id = ANY(operators)));`
    }
    PERFORM metrics_member_rollups('driver', ${rederive === 'changed' ? 'changed_drivers' : 'drivers'}, 1);
    PERFORM metrics_member_rollups('operator', ${rederive === 'changed' ? 'changed_operators' : 'operators'}, 1);
    INSERT INTO metrics_operator_milestones AS r (operator_id, first_paid_at)
    SELECT d.operator_id, min(d.occurred_at) FROM unnest(deltas) AS d WHERE d.first_payment AND d.sign > 0 GROUP BY 1 ORDER BY 1
    ON CONFLICT (operator_id) DO UPDATE SET first_paid_at = least(r.first_paid_at, EXCLUDED.first_paid_at)${
      rederive === 'changed'
        ? `
     -- Not a new row version per payment when the first paid day is long known.
     WHERE r.first_paid_at IS NULL OR EXCLUDED.first_paid_at < r.first_paid_at`
        : ''
    };
  END
  $$`;

/**
 * A first payment re-derived its driver's and its operator's activity gaps and cohort cells from
 * all their active days, taken away and added back: ~30 ms of a payment on the large data set (an
 * operator has an active day for almost every day), and most of the ledger insert's cost. The
 * result only differs when the set of active days changes, which a member's second payment of a
 * day never does: only those members' rollups are re-derived now. The days that reached zero are
 * deleted by key among the days just written, not looked for among all the members' days (~2 ms),
 * and an operator's first paid day is rewritten only when it moves. Same figures, same locks.
 */
export class MetricsChangedMembers1795503700000 implements MigrationInterface {
  name = 'MetricsChangedMembers1795503700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(applyMoney('changed'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(applyMoney('all'));
  }
}
