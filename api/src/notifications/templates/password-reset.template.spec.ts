import { passwordResetEmail } from './password-reset.template.js';

describe('passwordResetEmail', () => {
  const resetUrl = 'https://parking.example/reset-password#token=abc_DEF-123';

  it('carries the link in text and HTML, with how long it works', () => {
    const email = passwordResetEmail({ recipientName: 'Dana', resetUrl, validForMinutes: 60 });
    expect(email.subject).toBe('Reset your AIParksit password');
    expect(email.text).toContain(resetUrl);
    expect(email.text).toContain('The link works once, for 1 hour.');
    expect(email.html).toContain(`href="${resetUrl}"`);
    expect(email.html).toContain('signs you out on every device');
  });

  it('says minutes when the validity is not whole hours', () => {
    expect(passwordResetEmail({ recipientName: 'Dana', resetUrl, validForMinutes: 30 }).text).toContain('for 30 minutes.');
    expect(passwordResetEmail({ recipientName: 'Dana', resetUrl, validForMinutes: 120 }).text).toContain('for 2 hours.');
  });

  it('escapes the name in HTML', () => {
    expect(passwordResetEmail({ recipientName: '<img src=x>', resetUrl, validForMinutes: 60 }).html).toContain('&lt;img src=x&gt;');
  });
});
