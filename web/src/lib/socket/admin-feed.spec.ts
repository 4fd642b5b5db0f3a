import { describe, expect, it } from '@jest/globals';
import { adminFeedEvent } from './admin-feed';

const error = { fingerprint: 'f1', service: 'API', type: '500 Error', message: 'boom', count: 2, lastAt: '2026-03-01T10:00:00Z', critical: true };

describe('adminFeedEvent', () => {
  it('reads a system_error envelope', () => {
    expect(adminFeedEvent({ type: 'event', event: 'system_error', data: error, at: '2026-03-01T10:00:01Z' })).toEqual({
      event: 'system_error',
      data: error,
      at: '2026-03-01T10:00:01Z',
    });
  });

  it('reads a service_status_changed envelope', () => {
    const data = { service: 'postgres', from: 'running', to: 'down', reason: 'no answer' };
    expect(adminFeedEvent({ type: 'event', event: 'service_status_changed', data, at: 'x' })?.data).toEqual(data);
  });

  it('ignores the other messages and malformed ones', () => {
    expect(adminFeedEvent({ type: 'welcome', role: 'admin' })).toBeNull();
    expect(adminFeedEvent({ type: 'event', event: 'booking_created', data: { id: '1' }, at: 'x' })).toBeNull();
    expect(adminFeedEvent({ type: 'event', event: 'system_error', data: null, at: 'x' })).toBeNull();
    expect(adminFeedEvent({ type: 'event', event: 'system_error', data: { message: 'no fingerprint' }, at: 'x' })).toBeNull();
    expect(adminFeedEvent('system_error')).toBeNull();
  });
});
