import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentDeliveryError } from '../../outbox/index.js';
import { MailSender, type OutgoingEmail } from './mail-sender.js';

interface SmtpError extends Error {
  responseCode?: number;
  response?: string;
  code?: string;
}

/**
 * Sends through an SMTP server with nodemailer. A 4xx reply (greylisting, "try again later") or a
 * dropped connection is retried by the outbox; a 5xx reply is final (RFC 5321, section 4.2.1).
 */
export class SmtpMailSender extends MailSender implements OnApplicationShutdown {
  readonly name = 'smtp';
  private readonly logger = new Logger('SmtpMailSender');
  private readonly transport: Transporter;

  constructor(smtpUrl: string, from: string, leaseMs: number) {
    super();
    // Every wait stays well inside the outbox lease, so a slow server cannot make a second
    // worker send the same message while the first is still talking to it.
    const timeoutMs = Math.max(500, Math.floor(leaseMs / 3));
    this.transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs }, { from });
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: { 'X-AIParksit-Outbox-Id': email.outboxId },
        attachments: [
          ...email.inlineImages.map((image) => ({
            cid: image.cid,
            filename: image.filename,
            contentType: image.contentType,
            content: image.content,
            contentDisposition: 'inline' as const,
          })),
          ...email.attachments.map((file) => ({
            filename: file.filename,
            contentType: file.contentType,
            content: file.content,
            contentDisposition: 'attachment' as const,
          })),
        ],
      });
    } catch (error) {
      const smtp = error as SmtpError;
      if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500 && smtp.responseCode < 600) {
        throw new PermanentDeliveryError(`SMTP server refused the message: ${smtp.response ?? smtp.message}`, { cause: error });
      }
      throw new Error(`SMTP delivery failed: ${smtp.response ?? smtp.message}`, { cause: error });
    }
  }

  // Not onModuleDestroy: the outbox worker finishes its messages in flight in beforeApplicationShutdown, which comes later.
  onApplicationShutdown(): void {
    this.transport.close();
    this.logger.debug('SMTP transport closed');
  }
}
