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

  it('gives commit-to-send latency percentiles over the last ten minutes, a clock ahead of ours as 0', () => {
    const stats = new RealtimeStats();
    expect(stats.commitToSendLatency()).toEqual({ p50: null, p95: null, samples: 0 });
    const now = Date.now();
    for (let ms = 1; ms <= 100; ms++) stats.eventSent(now - ms);
    expect(stats.commitToSendLatency()).toEqual({ p50: 50, p95: 95, samples: 100 });
    jest.advanceTimersByTime(11 * 60_000);
    stats.eventSent(Date.now() + 5);
    expect(stats.commitToSendLatency()).toEqual({ p50: 0, p95: 0, samples: 1 });
  });
});
