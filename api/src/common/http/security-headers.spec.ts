import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { computeSecurityHeaders, securityMiddleware } from './security-headers.js';

/** What helmet's middleware itself leaves on a real Node response. */
function headersHelmetSets(): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  response.setHeader('x-powered-by', 'something');
  let done = false;
  securityMiddleware()(request, response, () => (done = true));
  expect(done).toBe(true);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

describe('computeSecurityHeaders', () => {
  it('is exactly what helmet sets on a response, X-Powered-By removed', () => {
    const computed = computeSecurityHeaders();
    expect(computed).toEqual(headersHelmetSets());
    expect(computed).not.toHaveProperty('x-powered-by');
  });

  it('carries the policy the SPA and the API answer with', () => {
    const computed = computeSecurityHeaders();
    expect(computed['content-security-policy']).toContain("connect-src 'self' ws: wss:");
    expect(computed['x-frame-options']).toBe('SAMEORIGIN');
    expect(computed['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(computed).not.toHaveProperty('cross-origin-embedder-policy');
  });

  it('refuses a middleware that does not finish synchronously', () => {
    expect(() => computeSecurityHeaders(() => undefined)).toThrow(/did not finish synchronously/);
  });
});
