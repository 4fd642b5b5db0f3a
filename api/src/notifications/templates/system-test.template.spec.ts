import { systemTestEmail } from './system-test.template.js';

describe('systemTestEmail', () => {
  it('says who asked for it and when, and escapes what it quotes', () => {
    const email = systemTestEmail({
      requestedBy: 'Ada <admin@example.test>',
      requestedAt: new Date('2026-12-07T06:30:05.123Z'),
      instance: 'host:3005 (pid 7)',
    });
    expect(email.subject).toBe('AIParksit test email');
    expect(email.text).toContain('Ada <admin@example.test> asked for on the system status page at 2026-12-07 06:30:05 UTC');
    expect(email.html).toContain('Ada &lt;admin@example.test&gt;');
    expect(email.html).not.toContain('<admin@example.test>');
    expect(email.text).toContain('Queued by: host:3005 (pid 7)');
  });
});
