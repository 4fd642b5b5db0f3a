import { emailLayout, html } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

export interface RegistrationAttemptData {
  recipientName: string;
  /** Where the owner signs in. */
  signInUrl: string;
}

/**
 * Registration answers the same for a taken address as for a new one; the owner of the taken
 * address learns of the attempt here instead.
 */
export function registrationAttemptEmail(data: RegistrationAttemptData): RenderedEmail {
  const subject = 'Someone tried to register with your email address';
  const text = [
    `Hello ${data.recipientName},`,
    '',
    'Someone just tried to create a new AIParksit account with this email address, which already has an account.',
    '',
    `If it was you, there is nothing to create: sign in with your existing account at ${data.signInUrl}`,
    '',
    'If it was not you, you can ignore this email. Nothing was changed and no new account was made.',
    '',
    'AIParksit',
  ].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
    <p>Someone just tried to create a new AIParksit account with this email address, which already has an account.</p>
    <p>If it was you, there is nothing to create: <a href="${data.signInUrl}">sign in with your existing account</a>.</p>
    <p>If it was not you, you can ignore this email. Nothing was changed and no new account was made.</p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
