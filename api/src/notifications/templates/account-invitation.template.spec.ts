import { accountInvitationEmail } from './account-invitation.template.js';

describe('accountInvitationEmail', () => {
  const email = accountInvitationEmail({
    recipientName: 'Ines <I>',
    role: 'investor',
    acceptUrl: 'https://park.example/invitation#token=abc&x=1',
    validForDays: 7,
  });

  it('gives the link in both versions, says what the account is for and how long the link works', () => {
    expect(email.subject).toBe('You are invited to AIParksit');
    expect(email.text).toContain('https://park.example/invitation#token=abc&x=1');
    expect(email.text).toContain('an investor account');
    expect(email.text).toContain('The link works once, for 7 days');
    expect(email.html).toContain('<a href="https://park.example/invitation#token=abc&amp;x=1"');
  });

  it('escapes the name in the HTML', () => {
    expect(email.html).toContain('Hello Ines &lt;I&gt;,');
    expect(email.text).toContain('Hello Ines <I>,');
  });
});
