import { accountNoticeEmail } from './account-notice.template.js';

describe('accountNoticeEmail', () => {
  it('keeps the message as written in the text version', () => {
    const email = accountNoticeEmail({
      recipientName: 'Dana',
      subject: 'Maintenance tonight',
      message: 'The garage closes at 22:00.\n\nSorry for the trouble.',
    });
    expect(email.subject).toBe('Maintenance tonight');
    expect(email.text).toContain('Hello Dana,\n\nThe garage closes at 22:00.\n\nSorry for the trouble.');
    expect(email.inlineImages).toEqual([]);
  });

  it('turns paragraphs and line breaks into HTML and escapes the text', () => {
    const email = accountNoticeEmail({ recipientName: 'Dana', subject: 'x', message: 'First <line>\nsecond & last\n\nNew paragraph' });
    expect(email.html).toContain('<p>First &lt;line&gt;<br />second &amp; last</p>');
    expect(email.html).toContain('<p>New paragraph</p>');
  });

  it('escapes the subject in the HTML title and keeps it on one line', () => {
    const email = accountNoticeEmail({ recipientName: 'Dana', subject: '<b>Hi</b>\nthere', message: 'm' });
    expect(email.subject).toBe('<b>Hi</b> there');
    expect(email.html).toContain('<title>&lt;b&gt;Hi&lt;/b&gt; there</title>');
  });
});
