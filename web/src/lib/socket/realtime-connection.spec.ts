import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { WS_RECONNECT_DELAY_MS, type ConnectionState } from '@aiparksit/shared';
import { RealtimeConnection, type SocketLike } from './realtime-connection';

class FakeSocket implements SocketLike {
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
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
}

describe('RealtimeConnection', () => {
  let sockets: FakeSocket[];
  let connection: RealtimeConnection;
  let states: ConnectionState[];

  beforeEach(() => {
    jest.useFakeTimers();
    sockets = [];
    states = [];
    connection = new RealtimeConnection({
      url: 'ws://localhost/ws',
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
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
    connection.subscribe({ type: 'subscribe', facilityIds: ['f1'] });
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
});
