import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox worker's lease, and the local mailbox that stands in for SMTP when none is set.
 *
 * A worker claims a row by writing a fresh `claim_token` and pushing `next_attempt_at` past the
 * lease; only the holder of that token may record the outcome. A worker that dies mid-send leaves
 * the row pending, and once the lease has run out another worker claims it again (at-least-once).
 */
export class OutboxLeaseAndMailbox1795500500000 implements MigrationInterface {
  name = 'OutboxLeaseAndMailbox1795500500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN claim_token uuid`);
    await q.query(`ALTER TABLE outbox ADD COLUMN claimed_by text`);
    await q.query(`ALTER TABLE outbox ADD COLUMN claimed_at timestamptz`);
    await q.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_attempts_non_negative CHECK (attempts >= 0)`);

    await q.query(`
      CREATE TABLE mailbox_messages (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- One delivery per outbox row, whatever retries happen: delivering and marking the row
        -- sent share one transaction, and this key turns a repeat into a no-op.
        outbox_id   bigint REFERENCES outbox (id) ON DELETE SET NULL,
        to_address  text NOT NULL,
        subject     text NOT NULL,
        text_body   text NOT NULL,
        html_body   text NOT NULL,
        sent_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mailbox_messages_outbox_key UNIQUE (outbox_id)
      )`);
    await q.query(`CREATE INDEX mailbox_messages_sent_idx ON mailbox_messages (sent_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS mailbox_messages`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_attempts_non_negative`);
    for (const column of ['claimed_at', 'claimed_by', 'claim_token']) await q.query(`ALTER TABLE outbox DROP COLUMN IF EXISTS ${column}`);
  }
}
