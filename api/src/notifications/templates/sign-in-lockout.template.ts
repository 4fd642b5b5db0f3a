import { formatWindow } from './formatting.js';
import { emailLayout, html } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

export interface SignInLockoutData {
  recipientName: string;
  /** When sign-ins open again (later failures may pause them longer). */
  lockedUntil: Date;
  /** How many wrong passwords in a row paused them. */
  failures: number;
}

/** Sent once when repeated wrong passwords pause sign-ins to an account. */
export function signInLockoutEmail(data: SignInLockoutData): RenderedEmail {
  const subject = 'Sign-ins to your AIParksit account are paused';
  // The account has no time zone of its own; UTC, named, is unambiguous.
  const at = formatWindow(data.lockedUntil, data.lockedUntil, 'UTC');
  const until = `${at.start} ${at.startZone}`;
  const text = [
    `Hello ${data.recipientName},`,
    '',
    `The password for your AIParksit account was entered wrongly ${data.failures} times in a row, so we paused sign-ins to it until ${until}. Each further wrong password pauses them longer.`,
    '',
    'If that was you, wait and try again. If it was not, someone may be guessing your password: the pause slows them down, and your account and bookings are unchanged. If you use the same password anywhere else, change it there.',
    '',
    'AIParksit',
  ].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
    <p>
      The password for your AIParksit account was entered wrongly ${data.failures} times in a row, so we paused sign-ins to it until
      <strong>${until}</strong>. Each further wrong password pauses them longer.
    </p>
    <p>
      If that was you, wait and try again. If it was not, someone may be guessing your password: the pause slows them down, and your account and bookings are
      unchanged. If you use the same password anywhere else, change it there.
    </p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
