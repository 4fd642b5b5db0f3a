import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an approved operator last changed its payout account. A change after approval is a
 * sensitive event (a hijacked account would redirect payouts): it needs the password, the owner
 * is emailed, and this timestamp lets payouts and support see how recent the account is.
 */
export class PayoutAccountChanges1795501200000 implements MigrationInterface {
  name = 'PayoutAccountChanges1795501200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operators ADD COLUMN payout_account_changed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operators DROP COLUMN payout_account_changed_at`);
  }
}
