import type pg from 'pg';
import WebSocket from 'ws';
import { WS_PATH } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createUser, type TestAccount } from '../support/factories.js';
import { createOperator, createFacility, type TestOperator } from '../support/facility-factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { insertBooking, RecordingSocket } from './realtime-support.js';

/**
 * Behaviour that needs API processes of its own: killing one's database listener, a fast
 * heartbeat, and several instances on one database.
 */
describe('Real-time across API processes', () => {
  let pool: pg.Pool;
  let driver: TestAccount;
  let operator: TestOperator;
  let api: RunningApi;
  const sockets: RecordingSocket[] = [];

  const open = async (base: string, options = {}) => {
    const socket = await RecordingSocket.open(toWebSocketUrl(base, WS_PATH), options);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    pool = testPool();
    driver = await createUser(pool);
    operator = await createOperator(pool);
    api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], WS_HEARTBEAT_INTERVAL_MS: '400' });
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await api?.stop();
    await pool.end();
  });

  it('delivers a booking committed once to subscribers on two instances', async () => {
    const facility = await createFacility(pool, operator);
    const onShared = await open(apiUrl());
    const onOwn = await open(api.url);
    for (const socket of [onShared, onOwn]) await socket.request({ type: 'subscribe', facilityIds: [facility.id] });
    await insertBooking(pool, driver.id, facility);
    for (const socket of [onShared, onOwn]) await socket.waitForEvent('availability_changed', (d) => d.facilityId === facility.id && d.period !== null);
  });

  it('listens again after its database connection is killed, tells clients to resync, and events flow again', async () => {
    const facility = await createFacility(pool, operator, { spaces: { standard: 5 } });
    const socket = await open(api.url);
    await socket.request({ type: 'subscribe', facilityIds: [facility.id] });

    const { rows } = await pool.query<{ killed: boolean }>(`SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1`, [
      `aiparksit-realtime/${api.process.pid}`,
    ]);
    expect(rows).toEqual([{ killed: true }]);

    const resync = await socket.waitFor((m) => m.type === 'resync', 10_000, 'a resync message');
    expect(resync).toEqual({ type: 'resync', reason: expect.any(String), at: expect.any(String) });
    await insertBooking(pool, driver.id, facility);
    expect((await socket.waitForEvent('availability_changed', (d) => d.period !== null)).data).toMatchObject({ facilityId: facility.id, level: 'many' });
  });

  it('closes a socket that stops answering pings, and keeps one that answers', async () => {
    const answering = await open(api.url);
    const silent = await open(api.url, { autoPong: false });
    // Missing one heartbeat (400 ms here) ends the socket: terminated, so the client sees 1006.
    expect(await silent.closed).toBe(1006);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    expect(await answering.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });
});
