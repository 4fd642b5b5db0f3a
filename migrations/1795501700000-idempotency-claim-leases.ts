import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An unanswered idempotency claim names the API instance running its request and a lease that
 * instance renews while the request runs; a claim whose lease has lapsed belongs to an instance
 * that died and may be taken over at once (it used to count as abandoned only after 5 minutes).
 * A payment remembers the key it was made under, so the request run again after a takeover finds
 * the payment of the dead instance and answers its receipt instead of charging again.
 */
export class IdempotencyClaimLeases1795501700000 implements MigrationInterface {
  name = 'IdempotencyClaimLeases1795501700000';

  async up(q: QueryRunner): Promise<void> {
    // The default is the old rule, for claims written by instances of the previous version
    // during a rolling deploy: they do not renew a lease.
    await q.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN claimed_by uuid,
        ADD COLUMN claim_token uuid,
        ADD COLUMN lease_expires_at timestamptz NOT NULL DEFAULT now() + interval '5 minutes'`);
    await q.query(`UPDATE idempotency_keys SET lease_expires_at = created_at + interval '5 minutes' WHERE response_status IS NULL`);
    await q.query(`ALTER TABLE payments ADD COLUMN idempotency_key text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments DROP COLUMN idempotency_key`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN claimed_by, DROP COLUMN claim_token, DROP COLUMN lease_expires_at`);
  }
}
