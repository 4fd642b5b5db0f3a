import { ClientClass, harvestClientFor, isObviousAutomation } from './harvest-client.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const browser = { address: '203.0.113.7', userAgent: FIREFOX, acceptLanguage: 'de-DE,de;q=0.9,en;q=0.8' };

describe('isObviousAutomation', () => {
  it.each([
    ['curl/8.5.0'],
    ['Wget/1.21.4'],
    ['python-requests/2.32.3'],
    ['Go-http-client/1.1'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36'],
    ['Scrapy/2.11 (+https://scrapy.org)'],
    ['node'],
  ])('takes %s for a tool', (agent) => {
    expect(isObviousAutomation(agent, 'en')).toBe(true);
  });

  it('takes a missing or empty user agent for a tool', () => {
    expect(isObviousAutomation(undefined, 'en')).toBe(true);
    expect(isObviousAutomation('  ', 'en')).toBe(true);
  });

  it('takes a browser without Accept-Language for a tool', () => {
    expect(isObviousAutomation(FIREFOX, undefined)).toBe(true);
  });

  it('takes a browser with Accept-Language for a person', () => {
    expect(isObviousAutomation(FIREFOX, 'en-GB')).toBe(false);
  });
});

describe('harvestClientFor', () => {
  it('counts an integrator by key id, on the API-key limit whatever its user agent', () => {
    expect(harvestClientFor({ ...browser, userAgent: 'curl/8', principal: { kind: 'api_key', keyId: 'k-1' } })).toEqual({
      key: 'key:k-1',
      clientClass: ClientClass.apiKey,
    });
  });

  it('counts a signed-in person by account, wherever they come from', () => {
    const home = harvestClientFor({ ...browser, principal: { kind: 'user', userId: 'u-1' } });
    const phone = harvestClientFor({ ...browser, address: '198.51.100.1', userAgent: `${FIREFOX} Mobile`, principal: { kind: 'user', userId: 'u-1' } });
    expect(home).toEqual({ key: 'user:u-1', clientClass: ClientClass.signedIn });
    expect(phone).toEqual(home);
  });

  it('puts a signed-in account driven by a tool on the automation limit, still counted per account', () => {
    expect(harvestClientFor({ ...browser, userAgent: 'python-requests/2.32', principal: { kind: 'user', userId: 'u-1' } })).toEqual({
      key: 'user:u-1',
      clientClass: ClientClass.automation,
    });
  });

  it('counts an anonymous browser by address and user agent, without either in the clear', () => {
    const client = harvestClientFor(browser);
    expect(client.clientClass).toBe(ClientClass.anonymous);
    expect(client.key).toMatch(/^anon:[0-9a-f]{32}$/);
    expect(harvestClientFor({ ...browser, address: '203.0.113.8' }).key).not.toBe(client.key);
    expect(harvestClientFor({ ...browser, userAgent: `${FIREFOX} Edg/126` }).key).not.toBe(client.key);
    expect(harvestClientFor({ ...browser, acceptLanguage: 'fr' }).key).toBe(client.key);
  });

  it('puts anonymous automation on the automation limit', () => {
    expect(harvestClientFor({ address: '203.0.113.7', userAgent: 'curl/8.5.0' }).clientClass).toBe(ClientClass.automation);
  });
});
