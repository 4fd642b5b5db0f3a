import { createHash } from 'node:crypto';

/**
 * Who is reading, for the guard: integrators by key, signed-in people by account, everyone else
 * by address and user agent. Each class has its own threshold (HARVEST_LIMIT_*).
 */
export const ClientClass = {
  apiKey: 'api-key',
  signedIn: 'signed-in',
  anonymous: 'anonymous',
  /** A tool rather than a browser, without an API key: counted like the others, on a lower limit. */
  automation: 'automation',
} as const;
export type ClientClass = (typeof ClientClass)[keyof typeof ClientClass];

export interface HarvestClient {
  /** The counting key; never an address or key in the clear (it ends up in Redis). */
  key: string;
  clientClass: ClientClass;
}

/** What the guard knows of a request once the authentication guard has run. */
export interface ReadingRequest {
  principal?: { kind: 'user'; userId: string } | { kind: 'api_key'; keyId: string } | undefined;
  /** The client address as Fastify resolved it (X-Forwarded-For only from proxies TRUST_PROXY names). */
  address: string;
  userAgent?: string | undefined;
  acceptLanguage?: string | undefined;
}

/**
 * HTTP libraries, command-line tools, crawlers and headless browsers. A browser a person uses
 * names none of these; an honest integrator uses an API key instead.
 */
const TOOL_USER_AGENT =
  /curl|wget|python-requests|python-urllib|python\/|aiohttp|httpx|go-http-client|java\/|okhttp|apache-httpclient|libwww-perl|lwp::|scrapy|headlesschrome|phantomjs|puppeteer|playwright|selenium|node-fetch|axios|undici|^node$|got \(|postmanruntime|insomnia|httpie|bot\b|crawler|spider|scraper/i;

/**
 * Obvious automation: no user agent, a tool's user agent, or no Accept-Language (every browser
 * sends one). Only a hint that lowers the limit: a wrong guess costs a person nothing until the
 * lower threshold.
 */
export function isObviousAutomation(userAgent: string | undefined, acceptLanguage: string | undefined): boolean {
  const agent = userAgent?.trim() ?? '';
  if (agent === '' || TOOL_USER_AGENT.test(agent)) return true;
  return (acceptLanguage?.trim() ?? '') === '';
}

export function harvestClientFor(request: ReadingRequest): HarvestClient {
  const principal = request.principal;
  if (principal?.kind === 'api_key') return { key: `key:${principal.keyId}`, clientClass: ClientClass.apiKey };
  const automation = isObviousAutomation(request.userAgent, request.acceptLanguage);
  if (principal?.kind === 'user') return { key: `user:${principal.userId}`, clientClass: automation ? ClientClass.automation : ClientClass.signedIn };
  const fingerprint = createHash('sha256')
    .update(`${request.address}\n${request.userAgent ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return { key: `anon:${fingerprint}`, clientClass: automation ? ClientClass.automation : ClientClass.anonymous };
}
