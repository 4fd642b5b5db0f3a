import { apiUrl } from '../support/api-url.js';
import { rawRequest, type RawResponse } from './raw-http.js';

/** A marker no answer may contain: it stands for whatever the client sent. */
const SENT = 'sentbytheclient';

function get(path: string, headers = ''): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`;
}

/** The error envelope and nothing else, its request id also in X-Request-Id, nothing echoed. */
function expectEnvelope(res: RawResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['error', 'message', 'requestId', 'statusCode']));
  expect(Object.keys(body).filter((key) => !['statusCode', 'error', 'message', 'details', 'requestId'].includes(key))).toEqual([]);
  expect(body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  expect(body['requestId']).toBe(res.headers['x-request-id']);
  expect(res.text).not.toContain(SENT);
}

describe('answers the server gives before or beside any route', () => {
  it('answers a malformed %-escape in the path with 400 in the envelope', async () => {
    const res = await rawRequest(apiUrl(), get(`/api/${SENT}%zz`));
    expectEnvelope(res, 400);
    expect(res.text).not.toContain('%zz');
  });

  it('answers an over-long URL with 414 in the envelope', async () => {
    const res = await rawRequest(apiUrl(), get(`/api/${SENT}${'a'.repeat(20_000)}`));
    expectEnvelope(res, 414);
    expect(res.headers['connection']).toBe('close');
  });

  it('answers an over-long path parameter with 414 in the envelope', async () => {
    const res = await rawRequest(
      apiUrl(),
      `PATCH /api/facilities/${SENT}${'a'.repeat(500)} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expectEnvelope(res, 414);
  });

  it('answers oversized headers with 431 in the envelope', async () => {
    const res = await rawRequest(apiUrl(), get('/api/health', `X-Padding: ${SENT}${'b'.repeat(20_000)}\r\n`));
    expectEnvelope(res, 431);
  });

  it('answers bytes that are not HTTP with 400 in the envelope', async () => {
    const res = await rawRequest(apiUrl(), `${SENT} ${SENT}\r\n\r\n`);
    expectEnvelope(res, 400);
  });

  it.each([
    ['an unknown API path', get(`/api/${SENT}?q=${SENT}`)],
    ['a method the path does not have', `DELETE /api/health?${SENT} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
    ['an unknown WebSocket path', get(`/ws/${SENT}`)],
  ])('answers %s with 404 in the envelope without quoting the path', async (_what, bytes) => {
    expectEnvelope(await rawRequest(apiUrl(), bytes), 404);
  });

  it('answers a body that is not JSON with 400 in the envelope, in its own words', async () => {
    const body = `{"${SENT}":`;
    const res = await rawRequest(
      apiUrl(),
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expectEnvelope(res, 400);
    expect(JSON.parse(res.body)).toMatchObject({ message: 'The request body is not valid JSON.', details: { code: 'FST_ERR_CTP_INVALID_JSON_BODY' } });
  });
});

describe('WebSocket upgrades the server refuses', () => {
  const upgrade = (path: string, headers: Record<string, string>) =>
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    Object.entries({ Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';

  it('answers an upgrade to a path with no WebSocket with 404 in the envelope', async () => {
    expectEnvelope(await rawRequest(apiUrl(), upgrade(`/ws/${SENT}`, {})), 404);
    expectEnvelope(await rawRequest(apiUrl(), upgrade(`/api/health?${SENT}`, {})), 404);
  });

  it('answers a handshake without a valid key with 400 in the envelope', async () => {
    const res = await rawRequest(apiUrl(), upgrade('/ws', { 'Sec-WebSocket-Key': SENT }));
    expectEnvelope(res, 400);
    expect(JSON.parse(res.body)).toMatchObject({ details: { code: 'websocket_handshake_invalid' } });
  });

  it('answers an unsupported WebSocket version with 426, naming the version it speaks', async () => {
    const res = await rawRequest(apiUrl(), upgrade('/ws/operator', { 'Sec-WebSocket-Version': SENT }));
    expectEnvelope(res, 426);
    expect(res.headers['sec-websocket-version']).toBe('13');
  });

  it("keeps the caller's request id on a refused upgrade, as on any answer", async () => {
    const res = await rawRequest(apiUrl(), upgrade('/ws/nowhere', { 'X-Request-Id': 'trace-0123456789' }));
    expect(JSON.parse(res.body)).toMatchObject({ requestId: 'trace-0123456789' });
  });
});
