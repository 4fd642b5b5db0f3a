import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';

/** An email delivered to the local mailbox (no SMTP configured): one per outbox row, so a repeat is a no-op. */
@Entity({ name: 'mailbox_messages' })
@Unique('mailbox_messages_outbox_key', ['outboxId'])
@Index('mailbox_messages_sent_idx', ['sentAt', 'id'])
export class MailboxMessageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mailbox_messages_pkey' })
  id!: string;

  @ForeignKey(() => OutboxMessageEntity, { name: 'mailbox_messages_outbox_id_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'outbox_id', type: 'bigint', nullable: true })
  outboxId!: string | null;

  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody!: string;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt!: Date;
}
