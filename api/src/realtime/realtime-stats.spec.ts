import { jest } from '@jest/globals';
import { RealtimeStats } from './realtime-stats.js';

describe('RealtimeStats', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-05-01T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('counts open connections per path and per role', () => {
    const stats = new RealtimeStats();
    stats.connectionOpened('/ws', 'anonymous');
    stats.connectionOpened('/ws', 'driver');
    stats.connectionOpened('/ws/operator', 'operator');
    stats.connectionClosed('/ws', 'anonymous');
    expect(stats.snapshot().connections).toEqual({ total: 2, byPath: { '/ws': 1, '/ws/operator': 1 }, byRole: { anonymous: 0, driver: 1, operator: 1 } });
  });

  it('counts events and deliveries over the last minute only', () => {
    const stats = new RealtimeStats();
    stats.eventPublished(10);
    jest.advanceTimersByTime(30_000);
    stats.eventPublished(5);
    expect(stats.snapshot()).toMatchObject({ eventsPerMinute: 2, deliveriesPerMinute: 15, lastEventAt: '2026-05-01T12:00:30.000Z' });
    jest.advanceTimersByTime(31_000);
    expect(stats.snapshot()).toMatchObject({ eventsPerMinute: 1, deliveriesPerMinute: 5 });
  });

  it('averages ping round trips, null before the first', () => {
    const stats = new RealtimeStats();
    expect(stats.snapshot().averagePingLatencyMs).toBeNull();
    stats.pingAnswered(10);
    stats.pingAnswered(20);
    expect(stats.snapshot().averagePingLatencyMs).toBe(15);
  });

  it('counts listener reconnects, not the first connection', () => {
    const stats = new RealtimeStats();
    stats.listenerState(true);
    stats.listenerState(false);
    stats.listenerState(true);
    expect(stats.snapshot().listener).toMatchObject({ connected: true, reconnects: 1 });
  });
});
