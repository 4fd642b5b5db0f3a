import { NotificationsRepository } from '../notifications.repository.js';
import { MailSender, type OutgoingEmail } from './mail-sender.js';

/**
 * Without SMTP_URL, emails are kept in the `mailbox_messages` table for admins to read in the
 * SPA. Inline images become data URIs there: a browser cannot resolve `cid:` references.
 * Attachments go to `mailbox_attachments`, in the same statement as their message.
 */
export class LocalMailboxSender extends MailSender {
  readonly name = 'local mailbox';

  constructor(private readonly repository: NotificationsRepository) {
    super();
  }

  async send(email: OutgoingEmail): Promise<void> {
    let html = email.html;
    for (const image of email.inlineImages) {
      html = html.replaceAll(`cid:${image.cid}`, `data:${image.contentType};base64,${image.content.toString('base64')}`);
    }
    await this.repository.insertMailboxMessage({
      outboxId: email.outboxId,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html,
      attachments: email.attachments,
    });
  }
}
