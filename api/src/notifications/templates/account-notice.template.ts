import { emailLayout, html, singleLine } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

export interface AccountNoticeData {
  recipientName: string;
  subject: string;
  /** Plain text written by an admin; paragraphs are separated by blank lines. */
  message: string;
}

/** A plain message from the platform's admins to one account holder. */
export function accountNoticeEmail(data: AccountNoticeData): RenderedEmail {
  const subject = singleLine(data.subject);
  const paragraphs = data.message
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const text = [`Hello ${data.recipientName},`, '', data.message.trim(), '', 'AIParksit'].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
${paragraphs.map((p) => html`<p>${p.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>\n`)}`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
