import { html } from './html.js';

describe('html', () => {
  it('escapes interpolated text and keeps nested fragments', () => {
    const name = '<script>alert("x")</script> & Co\'s';
    const fragment = html`<td>${name}</td>`;
    expect(html`<tr>${fragment}${[html`<td>${1}</td>`, null]}</tr>`.text).toBe(
      '<tr><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s</td><td>1</td></tr>',
    );
  });
});
