import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** The helmet configuration the API answers with: one CSP for the SPA and the API alike. */
export function securityMiddleware() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The headers helmet sets, read once by running its middleware against a recording response.
 * None of our directives depends on the request (no nonces), so every response gets the same
 * list; setting it in one synchronous hook replaces helmet's chain of a dozen middlewares per
 * request. Helmet's one removal (`X-Powered-By`) is moot: Fastify never sets that header.
 */
export function computeSecurityHeaders(middleware = securityMiddleware()): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return recorder;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  let finished = false;
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
    finished = true;
  });
  if (!finished || failure)
    throw new Error(`Could not compute the security headers: ${failure instanceof Error ? failure.message : 'helmet did not finish synchronously'}`);
  return Object.freeze(headers);
}
