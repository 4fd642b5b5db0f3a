import { emailVerificationEmail } from './email-verification.template.js';
import { registrationAttemptEmail } from './registration-attempt.template.js';
import { signInLockoutEmail } from './sign-in-lockout.template.js';

describe('emailVerificationEmail', () => {
  const email = emailVerificationEmail({ recipientName: 'Dana <D>', verifyUrl: 'https://park.example/verify-email#token=abc&x=1', validForHours: 48 });

  it('gives the link in both versions and says how long it works', () => {
    expect(email.subject).toBe('Confirm your email address for AIParksit');
    expect(email.text).toContain('https://park.example/verify-email#token=abc&x=1');
    expect(email.text).toContain('The link works once, for 48 hours.');
    expect(email.html).toContain('<a href="https://park.example/verify-email#token=abc&amp;x=1"');
  });

  it('escapes the name in the HTML', () => {
    expect(email.html).toContain('Hello Dana &lt;D&gt;,');
    expect(email.text).toContain('Hello Dana <D>,');
  });
});

describe('registrationAttemptEmail', () => {
  it('tells the owner someone tried, and where to sign in, without changing anything', () => {
    const email = registrationAttemptEmail({ recipientName: 'Dana', signInUrl: 'https://park.example/login' });
    expect(email.subject).toBe('Someone tried to register with your email address');
    expect(email.text).toContain('already has an account');
    expect(email.text).toContain('https://park.example/login');
    expect(email.text).toContain('Nothing was changed');
    expect(email.html).toContain('<a href="https://park.example/login">');
  });
});

describe('signInLockoutEmail', () => {
  it('says how many wrong passwords paused sign-ins and until when, in UTC', () => {
    const email = signInLockoutEmail({ recipientName: 'Dana', failures: 5, lockedUntil: new Date('2030-01-15T08:01:00Z') });
    expect(email.subject).toBe('Sign-ins to your AIParksit account are paused');
    expect(email.text).toContain('entered wrongly 5 times in a row');
    expect(email.text).toContain('until Tuesday 15 January 2030, 08:01 UTC.');
    expect(email.html).toContain('<strong>Tuesday 15 January 2030, 08:01 UTC</strong>');
  });
});
