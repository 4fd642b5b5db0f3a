import { emailLayout, html } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

const BUTTON_STYLE = 'display:inline-block;background:#0b6bcb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;';

export interface EmailVerificationData {
  recipientName: string;
  /** The single-use link that confirms the address and signs the person in. */
  verifyUrl: string;
  /** How long the link works, in whole hours. */
  validForHours: number;
}

/** Sent after registration (and on request): the link that confirms the address. */
export function emailVerificationEmail(data: EmailVerificationData): RenderedEmail {
  const subject = 'Confirm your email address for AIParksit';
  const validity = `The link works once, for ${data.validForHours} hour${data.validForHours === 1 ? '' : 's'}.`;
  const text = [
    `Hello ${data.recipientName},`,
    '',
    'Thanks for creating an AIParksit account. Confirm that this address is yours to finish, and then you can book parking:',
    '',
    data.verifyUrl,
    '',
    validity,
    'If you did not create an account, ignore this email: nothing happens unless the link is opened.',
    '',
    'AIParksit',
  ].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
    <p>Thanks for creating an AIParksit account. Confirm that this address is yours to finish, and then you can book parking.</p>
    <p><a href="${data.verifyUrl}" style="${BUTTON_STYLE}">Confirm my email address</a></p>
    <p style="color:#52606d;font-size:13px;">Or open ${data.verifyUrl}</p>
    <p style="color:#52606d;font-size:13px;">${validity} If you did not create an account, ignore this email: nothing happens unless the link is opened.</p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
