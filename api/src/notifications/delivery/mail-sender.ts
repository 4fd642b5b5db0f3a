import type { RenderedEmail } from '../templates/rendered-email.js';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  /** Stable per outbox row, so a receiver can drop the copy an at-least-once retry may send. */
  messageId: string;
  outboxId: string;
}

/** Where emails go: an SMTP server when SMTP_URL is set, otherwise the local mailbox. */
export abstract class MailSender {
  abstract readonly name: string;
  abstract send(email: OutgoingEmail): Promise<void>;
}
