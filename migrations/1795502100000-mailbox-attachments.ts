import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files sent with an email (a PDF report), kept with the local mailbox's copy so an admin can
 * download exactly what the recipient would have received. Inline images stay in the HTML as data
 * URIs; only real attachments are rows here. `position` keeps the order they were attached in.
 */
export class MailboxAttachments1795502100000 implements MigrationInterface {
  name = 'MailboxAttachments1795502100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mailbox_attachments (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id    uuid NOT NULL REFERENCES mailbox_messages (id) ON DELETE CASCADE,
        position      smallint NOT NULL CHECK (position >= 1),
        filename      text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        content_type  text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
        content       bytea NOT NULL,
        CONSTRAINT mailbox_attachments_message_position_key UNIQUE (message_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS mailbox_attachments`);
  }
}
