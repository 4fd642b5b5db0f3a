import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { WS_RECONNECT_DELAY_MS, type ConnectionState } from '@aiparksit/shared';
import { RealtimeConnection, type SocketLike } from './realtime-connection';

class FakeSocket implements SocketLike {
  constructor(readonly protocols: string[]) {}
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
}

describe('RealtimeConnection', () => {
  let sockets: FakeSocket[];
  let connection: RealtimeConnection;
  let states: ConnectionState[];
  let token: string;
  let unauthenticated: number;
  let pendingFlush: (() => void)[];
  const flush = () => pendingFlush.splice(0).forEach((task) => task());

  beforeEach(() => {
    jest.useFakeTimers();
    sockets = [];
    states = [];
    token = 'token-1';
    unauthenticated = 0;
    pendingFlush = [];
    connection = new RealtimeConnection({
      url: 'ws://localhost/ws',
      createSocket: (_url, protocols) => {
        const socket = new FakeSocket(protocols);
        sockets.push(socket);
        return socket;
      },
      protocols: () => ['aiparksit.v1', `bearer.${token}`],
      onUnauthenticated: () => {
        unauthenticated += 1;
      },
      schedule: (task) => pendingFlush.push(task),
    });
    connection.onStateChange((state) => states.push(state));
  });

  afterEach(() => {
    connection.stop();
    jest.useRealTimers();
  });

  it('is live once the socket opens', () => {
    connection.start();
    sockets[0]!.open();
    expect(states).toEqual(['connecting', 'live']);
  });

  it(`reconnects ${WS_RECONNECT_DELAY_MS} ms after a drop and subscribes again`, () => {
    connection.start();
    sockets[0]!.open();
    connection.subscribe(['f1']);
    flush();
    sockets[0]!.drop();
    expect(connection.connectionState).toBe('reconnecting');

    jest.advanceTimersByTime(WS_RECONNECT_DELAY_MS - 1);
    expect(sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    sockets[1]!.open();
    expect(connection.connectionState).toBe('live');
    expect(sockets[1]!.sent).toEqual([{ type: 'subscribe', facilityIds: ['f1'] }]);
  });

  it('keeps retrying while the server has no /ws endpoint at all', () => {
    connection.start();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      sockets[attempt]!.drop();
      jest.advanceTimersByTime(WS_RECONNECT_DELAY_MS);
    }
    expect(sockets).toHaveLength(4);
    expect(connection.connectionState).toBe('reconnecting');
  });

  it('passes pushed events to listeners and ignores anything else', () => {
    const events: unknown[] = [];
    connection.onEvent((event) => events.push(event));
    connection.start();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'pong' });
    sockets[0]!.receive({ type: 'event', event: 'availability_changed', data: { facilityId: 'f1' }, at: '2026-01-01T00:00:00Z' });
    expect(events).toEqual([{ type: 'event', event: 'availability_changed', data: { facilityId: 'f1' }, at: '2026-01-01T00:00:00Z' }]);
  });

  it('stops reconnecting once stopped', () => {
    connection.start();
    sockets[0]!.drop();
    connection.stop();
    jest.advanceTimersByTime(WS_RECONNECT_DELAY_MS * 2);
    expect(sockets).toHaveLength(1);
    expect(connection.connectionState).toBe('offline');
  });

  it('offers the access token as a subprotocol, never in the URL', () => {
    connection.start();
    expect(sockets[0]!.protocols).toEqual(['aiparksit.v1', 'bearer.token-1']);
  });

  it('sends the subscriptions of one render as one message, and each facility once', () => {
    connection.start();
    sockets[0]!.open();
    connection.subscribe(['f1', 'f2']);
    connection.subscribe(['f2']);
    flush();
    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', facilityIds: ['f1', 'f2'] }]);
  });

  it('unsubscribes when the last holder of a facility lets go', () => {
    connection.start();
    sockets[0]!.open();
    const first = connection.subscribe(['f1']);
    const second = connection.subscribe(['f1']);
    flush();
    first();
    flush();
    second();
    second();
    flush();
    expect(sockets[0]!.sent).toEqual([
      { type: 'subscribe', facilityIds: ['f1'] },
      { type: 'unsubscribe', facilityIds: ['f1'] },
    ]);
  });

  it('subscribes what was taken while offline once the socket opens', () => {
    connection.start();
    connection.subscribe(['f1']);
    flush();
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', facilityIds: ['f1'] }]);
  });

  it('asks for fresh data after a reconnect and when the server says so, not on the first connect', () => {
    const reasons: string[] = [];
    connection.onResync((reason) => reasons.push(reason));
    connection.start();
    sockets[0]!.open();
    expect(reasons).toEqual([]);
    sockets[0]!.receive({ type: 'resync', reason: 'listener reconnected', at: '2026-01-01T00:00:00Z' });
    sockets[0]!.drop();
    jest.advanceTimersByTime(WS_RECONNECT_DELAY_MS);
    sockets[1]!.open();
    expect(reasons).toEqual(['server', 'reconnected']);
  });

  it('on a refused token (4401) asks for renewal and retries with the renewed token', () => {
    connection.start();
    sockets[0]!.drop(4401);
    expect(unauthenticated).toBe(1);
    token = 'token-2';
    connection.renewCredentials();
    expect(sockets).toHaveLength(1);
    jest.advanceTimersByTime(WS_RECONNECT_DELAY_MS);
    expect(sockets[1]!.protocols).toEqual(['aiparksit.v1', 'bearer.token-2']);
  });

  it('gives up on a path the account may not use (4403)', () => {
    connection.start();
    sockets[0]!.drop(4403);
    jest.advanceTimersByTime(WS_RECONNECT_DELAY_MS * 2);
    expect(sockets).toHaveLength(1);
    expect(connection.connectionState).toBe('offline');
  });

  it('on token renewal opens a socket with the new token and closes the old one only once it is open', () => {
    const events: unknown[] = [];
    connection.onEvent((event) => events.push(event));
    connection.start();
    sockets[0]!.open();
    connection.subscribe(['f1']);
    flush();

    token = 'token-2';
    connection.renewCredentials();
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.protocols).toEqual(['aiparksit.v1', 'bearer.token-2']);
    expect(sockets[0]!.readyState).toBe(1);
    sockets[0]!.receive({ type: 'event', event: 'availability_changed', data: { facilityId: 'f1' }, at: 'a' });

    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ type: 'subscribe', facilityIds: ['f1'] }]);
    expect(sockets[0]!.readyState).toBe(3);
    sockets[1]!.receive({ type: 'event', event: 'availability_changed', data: { facilityId: 'f1' }, at: 'b' });
    expect(events).toHaveLength(2);
    expect(states).toEqual(['connecting', 'live']);
  });

  it('keeps the live socket when its successor fails', () => {
    connection.start();
    sockets[0]!.open();
    connection.renewCredentials();
    sockets[1]!.drop(4401);
    expect(connection.connectionState).toBe('live');
    connection.send({ type: 'ping' });
    expect(sockets[0]!.sent).toEqual([{ type: 'ping' }]);
  });
});
