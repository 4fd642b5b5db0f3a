import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it('names a plain file twice, as filename and as UTF-8 filename*', () => {
    expect(attachmentDisposition('aiparksit-revenue-2026-11.pdf')).toBe(
      `attachment; filename="aiparksit-revenue-2026-11.pdf"; filename*=UTF-8''aiparksit-revenue-2026-11.pdf`,
    );
  });

  it('keeps quotes, backslashes, line breaks and non-ASCII out of the plain filename', () => {
    const header = attachmentDisposition('Zürich "Q4"\r\nX-Evil: 1\\.pdf');
    expect(header).toMatch(/^attachment; filename="Z_rich _Q4___X-Evil: 1_\.pdf"; filename\*=UTF-8''/);
    expect(header).not.toMatch(/[\r\n]/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('Zürich "Q4"\r\nX-Evil: 1\\.pdf');
  });
});
