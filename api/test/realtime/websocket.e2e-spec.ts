import request from 'supertest';
import { WS_PATH } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { openTestSocket, toWebSocketUrl, type TestSocket } from '../../../test/support/websocket-client.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('WebSocket /ws', () => {
  let client: TestSocket;

  beforeEach(async () => {
    client = await openTestSocket(toWebSocketUrl(apiUrl(), WS_PATH));
  });

  afterEach(async () => {
    await client.close();
  });

  it('answers a ping with a pong carrying the server time', async () => {
    client.send({ type: 'ping' });
    const reply = await client.nextMessage();
    expect(reply).toEqual({ type: 'pong', at: expect.stringMatching(ISO_TIME) });
  });

  it('answers malformed JSON with an error and keeps the socket open', async () => {
    client.send('{"type": "ping"');
    expect(await client.nextMessage()).toEqual({ type: 'error', code: 'invalid_frame', message: expect.stringContaining('not valid JSON') });
    client.send({ type: 'ping' });
    expect(await client.nextMessage()).toMatchObject({ type: 'pong' });
  });

  it('answers an unknown message type with an error naming the known ones', async () => {
    client.send({ type: 'teleport' });
    const reply = await client.nextMessage();
    expect(reply).toEqual({ type: 'error', code: 'invalid_frame', message: expect.stringContaining('Unknown message type "teleport"') });
    expect(reply.message).toContain('ping');
  });

  it('answers JSON that is not a message object with an error', async () => {
    for (const frame of ['[1,2]', '"ping"', 'null', '{"kind":"ping"}']) {
      client.send(frame);
      expect(await client.nextMessage()).toEqual({ type: 'error', code: 'invalid_frame', message: expect.stringContaining('"type"') });
    }
  });

  it('answers a binary frame with an error and keeps serving', async () => {
    client.socket.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true });
    expect(await client.nextMessage()).toMatchObject({ type: 'error' });
    client.send({ type: 'ping' });
    expect(await client.nextMessage()).toMatchObject({ type: 'pong' });
  });

  it('answers a subscription to ids that are not facility ids with an error', async () => {
    client.send({ type: 'subscribe', facilityIds: ['f-1'] });
    expect(await client.nextMessage()).toEqual({ type: 'error', code: 'invalid_message', message: expect.stringContaining('UUID') });
  });

  it('closes a socket that sends an oversized frame, and the server keeps answering', async () => {
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.send({ type: 'ping', padding: 'x'.repeat(200 * 1024) });
    expect(await closed).toBe(1009);

    const fresh = await openTestSocket(toWebSocketUrl(apiUrl(), WS_PATH));
    try {
      fresh.send({ type: 'ping' });
      expect(await fresh.nextMessage()).toMatchObject({ type: 'pong' });
    } finally {
      await fresh.close();
    }
    await request(apiUrl()).get('/api/health').expect(200);
  });
});

describe('WebSocket upgrade on other paths', () => {
  it('refuses an upgrade to a path with no gateway', async () => {
    await expect(openTestSocket(toWebSocketUrl(apiUrl(), '/ws-nope'))).rejects.toThrow();
  });

  it('leaves the HTTP routes on the same port working', async () => {
    const socket = await openTestSocket(toWebSocketUrl(apiUrl(), WS_PATH));
    try {
      await request(apiUrl()).get('/api/health').expect(200);
      const res = await request(apiUrl()).get('/api/no-such-route').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    } finally {
      await socket.close();
    }
  });
});
