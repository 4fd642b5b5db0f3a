import type { HTTPRequest, Page } from 'puppeteer-core';

/**
 * Answers the next `count` requests for `path` with a 401 in the API's envelope, as the API
 * does when an access token has expired; every other request goes through to the real API.
 * Returns the paths of all /api requests the page made, in order.
 */
export async function expireAccessTokenFor(page: Page, path: string, count = 1): Promise<string[]> {
  const seen: string[] = [];
  let remaining = count;
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${request.method()} ${url.pathname}`);
    if (url.pathname === path && remaining > 0) {
      remaining -= 1;
      void request.respond({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'The access token has expired.', requestId: 'browser-test' }),
      });
      return;
    }
    void request.continue();
  });
  return seen;
}
