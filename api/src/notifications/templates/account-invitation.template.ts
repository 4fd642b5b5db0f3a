import { emailLayout, html } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

const BUTTON_STYLE = 'display:inline-block;background:#0b6bcb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;';

/** How each role an admin may invite reads in the email: what the account is for. */
const ROLE_PURPOSE: Record<string, string> = {
  investor: 'an investor account, to follow the platform’s revenue, growth and markets and export reports',
  admin: 'an admin account, to watch the system’s status and manage accounts',
};

export interface AccountInvitationData {
  recipientName: string;
  role: string;
  /** The single-use link where the person chooses a password (and is signed in). */
  acceptUrl: string;
  /** How long the link works, in whole days. */
  validForDays: number;
}

/** Sent when an admin creates an investor or admin account, and on each resend: the way in. */
export function accountInvitationEmail(data: AccountInvitationData): RenderedEmail {
  const subject = 'You are invited to AIParksit';
  const purpose = ROLE_PURPOSE[data.role] ?? 'an account';
  const validity = `The link works once, for ${data.validForDays} day${data.validForDays === 1 ? '' : 's'}; an admin can send a new one.`;
  const text = [
    `Hello ${data.recipientName},`,
    '',
    `An AIParksit admin has made you ${purpose}. Choose your password here to start:`,
    '',
    data.acceptUrl,
    '',
    validity,
    'If you did not expect this, ignore this email: the account stays unusable unless the link is opened.',
    '',
    'AIParksit',
  ].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
    <p>An AIParksit admin has made you ${purpose}. Choose your password to start.</p>
    <p><a href="${data.acceptUrl}" style="${BUTTON_STYLE}">Choose my password</a></p>
    <p style="color:#52606d;font-size:13px;">Or open ${data.acceptUrl}</p>
    <p style="color:#52606d;font-size:13px;">${validity} If you did not expect this, ignore this email: the account stays unusable unless the link is opened.</p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
