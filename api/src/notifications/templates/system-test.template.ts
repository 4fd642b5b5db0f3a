import { emailLayout, html } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

export interface SystemTestEmailData {
  /** The admin who asked for it, as the status page's audit shows them. */
  requestedBy: string;
  requestedAt: Date;
  /** Which API instance queued it (the sending instance may be another). */
  instance: string;
}

/** The status page's "send a test email": proves the outbox and the mail delivery work end to end. */
export function systemTestEmail(data: SystemTestEmailData): RenderedEmail {
  const subject = 'AIParksit test email';
  const at = data.requestedAt
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  const text = [
    'Hello,',
    '',
    `This is a test email ${data.requestedBy} asked for on the system status page at ${at}. It went through the outbox and the mail delivery the platform uses for every email, so they work.`,
    '',
    `Queued by: ${data.instance}`,
    '',
    'Nothing needs doing. AIParksit',
  ].join('\n');
  const body = html`<p>Hello,</p>
    <p>
      This is a test email ${data.requestedBy} asked for on the system status page at ${at}. It went through the outbox and the mail delivery the platform uses for
      every email, so they work.
    </p>
    <p>Queued by: ${data.instance}</p>
    <p>Nothing needs doing.</p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
