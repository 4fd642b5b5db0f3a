import { emailLayout, html } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

const BUTTON_STYLE = 'display:inline-block;background:#0b6bcb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;';

export interface PasswordResetData {
  recipientName: string;
  /** The single-use link to the page where the new password is chosen. */
  resetUrl: string;
  /** How long the link works, in whole minutes. */
  validForMinutes: number;
}

function validity(minutes: number): string {
  const span = minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `The link works once, for ${span}.`;
}

/** Sent when someone asks to reset the password of an account: the way to choose a new one. */
export function passwordResetEmail(data: PasswordResetData): RenderedEmail {
  const subject = 'Reset your AIParksit password';
  const works = validity(data.validForMinutes);
  const ignore = 'If you did not ask for this, ignore this email: your password stays as it is unless the link is opened and a new one chosen.';
  const text = [
    `Hello ${data.recipientName},`,
    '',
    'Someone (we hope you) asked to reset the password of your AIParksit account. Choose a new password here:',
    '',
    data.resetUrl,
    '',
    works,
    'Choosing a new password signs you out on every device.',
    ignore,
    '',
    'AIParksit',
  ].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
    <p>Someone (we hope you) asked to reset the password of your AIParksit account.</p>
    <p><a href="${data.resetUrl}" style="${BUTTON_STYLE}">Choose a new password</a></p>
    <p style="color:#52606d;font-size:13px;">Or open ${data.resetUrl}</p>
    <p style="color:#52606d;font-size:13px;">${works} Choosing a new password signs you out on every device.</p>
    <p style="color:#52606d;font-size:13px;">${ignore}</p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
