import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Fastify, { LogController } from 'fastify';
import { logRequest } from './request-log.js';

/** A Fastify set up as the API's (request logging off, the request-log hook on), logging into memory. */
function appLoggingTo(lines: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream }, logController: new LogController({ disableRequestLogging: true }), genReqId: () => 'req-log-0001' });
  app.addHook('onResponse', (request, reply, done) => {
    logRequest(request, reply);
    done();
  });
  return app;
}

/** Fastify's `inject` needs an ESM-only module jest cannot load here: a real socket instead. */
async function get(app: ReturnType<typeof appLoggingTo>, path: string, headers: Record<string, string> = {}): Promise<number> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

/** The line is written after the answer went out: wait for it. */
async function waitFor(lines: string[], count: number) {
  const deadline = Date.now() + 5000;
  while (lines.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

describe('the request log', () => {
  it('writes one JSON line per request: method, path without the query, status, ms, client address, request id, user and role', async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.addHook('preHandler', (request, _reply, done) => {
      Object.assign(request, { principal: { kind: 'user', userId: 'u-1', role: 'driver', sessionId: 's', emailVerified: true } });
      done();
    });
    app.get('/api/things/:id', () => ({ ok: true }));
    expect(await get(app, '/api/things/7?lat=52.5&email=a@b.c', { authorization: 'Bearer secret' })).toBe(200);
    await waitFor(lines, 2);
    const requestLines = lines.filter((l) => l.includes('"reqId"'));
    expect(requestLines).toHaveLength(1);
    const line = JSON.parse(requestLines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 30,
      reqId: 'req-log-0001',
      msg: 'request completed',
      method: 'GET',
      path: '/api/things/7',
      statusCode: 200,
      userId: 'u-1',
      role: 'driver',
      ip: '127.0.0.1',
    });
    expect(typeof line['ms']).toBe('number');
    expect(requestLines[0]).not.toContain('lat=');
    expect(requestLines[0]).not.toContain('secret');
    await app.close();
  });

  it('names an API key by its id, and says nothing of a caller that is neither', async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.addHook('preHandler', (request, _reply, done) => {
      if (request.url.startsWith('/key')) Object.assign(request, { principal: { kind: 'api_key', keyId: 'k-1', ownerId: 'o-1', scopes: [] } });
      done();
    });
    app.get('/key', () => 'ok');
    await get(app, '/key');
    await get(app, '/nowhere');
    await waitFor(lines, 3);
    const [key, anonymous] = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['reqId']);
    expect(key).toMatchObject({ apiKeyId: 'k-1', statusCode: 200 });
    expect(key).not.toHaveProperty('userId');
    expect(anonymous).toMatchObject({ path: '/nowhere', statusCode: 404 });
    expect(anonymous).not.toHaveProperty('userId');
    expect(anonymous).not.toHaveProperty('role');
    await app.close();
  });
});
