import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly emailed reports. Each subscription carries `next_send_at`, the instant of its next
 * email (06:00 on the 1st in the subscriber's zone). A job claims due rows with SKIP LOCKED and,
 * in the same transaction, records the month in `report_subscription_deliveries`, enqueues the
 * outbox email and moves `next_send_at` on: the deliveries' primary key makes "one email per
 * subscription and month" a rule of the database, whatever number of API instances run the job.
 */
export class ReportSubscriptions1795502110000 implements MigrationInterface {
  name = 'ReportSubscriptions1795502110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_subscriptions (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        report_type   text NOT NULL CHECK (report_type IN ('platform-overview', 'revenue', 'growth', 'market')),
        time_zone     text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        comparison    text NOT NULL CHECK (comparison IN ('previous_period', 'same_period_last_year')),
        created_at    timestamptz NOT NULL DEFAULT now(),
        next_send_at  timestamptz NOT NULL,
        CONSTRAINT report_subscriptions_user_type_key UNIQUE (user_id, report_type)
      )`);
    await q.query(`CREATE INDEX report_subscriptions_due_idx ON report_subscriptions (next_send_at)`);

    await q.query(`
      CREATE TABLE report_subscription_deliveries (
        subscription_id  uuid NOT NULL REFERENCES report_subscriptions (id) ON DELETE CASCADE,
        -- The first day of the month the report covers.
        month            date NOT NULL CHECK (extract(day FROM month) = 1),
        outbox_id        bigint REFERENCES outbox (id) ON DELETE SET NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_subscription_deliveries_pkey PRIMARY KEY (subscription_id, month)
      )`);
    await q.query(`CREATE INDEX report_subscription_deliveries_outbox_idx ON report_subscription_deliveries (outbox_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_subscription_deliveries`);
    await q.query(`DROP TABLE IF EXISTS report_subscriptions`);
  }
}
