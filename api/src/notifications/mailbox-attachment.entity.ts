import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MailboxMessageEntity } from './mailbox-message.entity.js';

/** A file sent with a message of the local mailbox, as the recipient would have received it. */
@Entity({ name: 'mailbox_attachments' })
@Unique('mailbox_attachments_message_position_key', ['messageId', 'position'])
export class MailboxAttachmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mailbox_attachments_pkey' })
  id!: string;

  @ForeignKey(() => MailboxMessageEntity, { name: 'mailbox_attachments_message_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
