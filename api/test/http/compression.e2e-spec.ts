import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { WS_PATH } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { openTestSocket, toWebSocketUrl } from '../../../test/support/websocket-client.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, still compressed when they were. */
  body: Buffer;
}

/** A POST of raw bytes with the given headers; answers status and parsed JSON body. */
function rawPost(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, apiUrl()), { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A GET whose body is not decompressed on the way (fetch and supertest would hide the encoding). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, apiUrl()), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

function decoded(response: RawResponse): Buffer {
  switch (response.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(response.body);
    case 'gzip':
      return gunzipSync(response.body);
    default:
      return response.body;
  }
}

// The shared test API serves the SPA itself (no nginx in front), so HTTP_COMPRESSION=auto is on.
describe('Compression when the API serves the SPA', () => {
  it('compresses JSON over the threshold with gzip (cheaper per response), or brotli for a client that takes only brotli, and says Vary: Accept-Encoding', async () => {
    const plain = await rawGet('/api/openapi.json', { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(2048);

    const gzip = await rawGet('/api/openapi.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['vary']).toMatch(/accept-encoding/i);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(decoded(gzip).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));

    const br = await rawGet('/api/openapi.json', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(decoded(br).equals(plain.body)).toBe(true);
  });

  it('sends JSON under the threshold as it is', async () => {
    const health = await rawGet('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(2048);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toHaveProperty('status');
  });

  it('serves the SPA scripts from the files compressed at build time, byte for byte the same script', async () => {
    const index = await rawGet('/', { 'accept-encoding': 'identity' });
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(index.body.toString('utf8'))?.[1];
    expect(script).toBeDefined();

    const plain = await rawGet(script!, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    for (const encoding of ['br', 'gzip']) {
      const compressed = await rawGet(script!, { 'accept-encoding': encoding });
      expect(compressed.status).toBe(200);
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers['vary']).toMatch(/accept-encoding/i);
      expect(compressed.headers['content-type']).toMatch(/javascript/);
      expect(compressed.headers['cache-control']).toContain('immutable');
      expect(compressed.body.length).toBeLessThan(plain.body.length / 2);
      expect(decoded(compressed).equals(plain.body)).toBe(true);
    }
  });

  it('leaves the WebSocket upgrade and its frames alone', async () => {
    const socket = await openTestSocket(toWebSocketUrl(apiUrl(), WS_PATH), { headers: { 'accept-encoding': 'br, gzip' }, perMessageDeflate: true });
    try {
      // The server negotiates no per-message deflate: frames are small and many (see realtime-gateway.base.ts).
      expect(socket.socket.extensions).toBe('');
      socket.send({ type: 'ping' });
      expect(await socket.nextMessage()).toMatchObject({ type: 'pong' });
    } finally {
      await socket.close();
    }
  });

  // The plugin also inflates gzip request bodies: the body limit must hold for the inflated size.
  it('refuses a gzip request body that inflates past the body limit with 413, and reads a small one', async () => {
    const bomb = gzipSync(Buffer.from(`{"email":"${'a'.repeat(8 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const refused = await rawPost('/api/auth/login', bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(refused.status).toBe(413);
    expect(refused.json).toMatchObject({ statusCode: 413, requestId: expect.any(String) });

    const small = gzipSync(Buffer.from(JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password' })));
    const answered = await rawPost('/api/auth/login', small, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(answered.status).toBe(401);
  });
});
