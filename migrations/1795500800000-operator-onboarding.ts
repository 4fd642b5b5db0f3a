import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operator onboarding: the application's steps live on the `operators` row itself (company,
 * contact, tax id, payout account, terms), so one row is one application from draft to review.
 * The payout account is stored masked only: its kind, country, a bank hint and the last 4 digits.
 * The full number would go to the payout provider's vault, never to this database.
 */
export class OperatorOnboarding1795500800000 implements MigrationInterface {
  name = 'OperatorOnboarding1795500800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE operators
        ADD COLUMN tax_id               text,
        ADD COLUMN payout_kind          text CHECK (payout_kind IN ('iban', 'us_ach')),
        ADD COLUMN payout_holder_name   text,
        ADD COLUMN payout_country       char(2),
        ADD COLUMN payout_bank_hint     text,
        ADD COLUMN payout_last4         char(4),
        ADD COLUMN terms_accepted_at    timestamptz,
        ADD COLUMN terms_version        text,
        ADD COLUMN reviewed_by          uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT operators_payout_complete CHECK (
          (payout_kind IS NULL AND payout_last4 IS NULL)
          OR (payout_kind IS NOT NULL AND payout_last4 ~ '^[0-9A-Z]{4}$' AND payout_country IS NOT NULL AND payout_holder_name IS NOT NULL)),
        ADD CONSTRAINT operators_rejection_has_reason CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL)`);
    // The admin queue lists applications by status, oldest submission first.
    await q.query(`CREATE INDEX operators_status_submitted_idx ON operators (status, submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX operators_status_submitted_idx`);
    await q.query(`
      ALTER TABLE operators
        DROP CONSTRAINT operators_rejection_has_reason,
        DROP CONSTRAINT operators_payout_complete,
        DROP COLUMN reviewed_by, DROP COLUMN terms_version, DROP COLUMN terms_accepted_at, DROP COLUMN payout_last4,
        DROP COLUMN payout_bank_hint, DROP COLUMN payout_country, DROP COLUMN payout_holder_name, DROP COLUMN payout_kind, DROP COLUMN tax_id`);
  }
}
