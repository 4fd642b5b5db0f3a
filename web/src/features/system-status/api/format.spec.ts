import { describe, expect, it } from '@jest/globals';
import type { ApiInstanceStatus, RouteFigures } from '@aiparksit/shared';
import { blockedClientIn, figuresFor, formatAgo, formatBytes, formatDuration, formatMs, serviceName } from './format';

describe('formatBytes', () => {
  it('writes memory and disk sizes as the seed does', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(61_446_554)).toBe('58.6 MB');
    expect(formatBytes(2.4 * 1024 ** 3)).toBe('2.4 GB');
    expect(formatBytes(null)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('keeps the two largest units', () => {
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(7 * 3600 + 23 * 60 + 5)).toBe('7h 23m');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3d 4h');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it('counts seconds, minutes, hours and days', () => {
    expect(formatAgo('2026-03-01T09:59:58Z', now)).toBe('2 s ago');
    expect(formatAgo('2026-03-01T09:57:00Z', now)).toBe('3 min ago');
    expect(formatAgo('2026-03-01T05:00:00Z', now)).toBe('5 h ago');
    expect(formatAgo(null, now)).toBe('never');
  });

  it('reads a time ahead of the browser clock as just now', () => {
    expect(formatAgo('2026-03-01T10:00:03Z', now)).toBe('just now');
  });
});

describe('formatMs', () => {
  it('keeps a decimal below 10 ms and switches to seconds from 1 s', () => {
    expect(formatMs(4.25)).toBe('4.3 ms');
    expect(formatMs(45.4)).toBe('45 ms');
    expect(formatMs(999)).toBe('999 ms');
    expect(formatMs(5200)).toBe('5.2 s');
  });
});

describe('figuresFor', () => {
  const routes: RouteFigures[] = [
    { method: 'GET', route: '/api/bookings/:id', requestsPerMinute: 3, p95Ms: 12, errorPercent: 0 },
    { method: 'POST', route: '/api/bookings', requestsPerMinute: 5, p95Ms: 40, errorPercent: 20 },
  ];

  it('matches by method and route pattern, whatever the parameters are called', () => {
    expect(figuresFor(routes, { method: 'POST', path: '/api/bookings' })?.requestsPerMinute).toBe(5);
    expect(figuresFor(routes, { method: 'get', path: '/api/bookings/:bookingId' })?.p95Ms).toBe(12);
    expect(figuresFor(routes, { method: 'POST', path: '/api/bookings/' })?.errorPercent).toBe(20);
  });

  it('finds nothing for another method or path', () => {
    expect(figuresFor(routes, { method: 'GET', path: '/api/bookings' })).toBeNull();
    expect(figuresFor(routes, { method: 'GET', path: '/api/payments' })).toBeNull();
  });
});

describe('serviceName', () => {
  const instance = { id: 'i1', host: 'web-1', port: 3005, pid: 42 } as ApiInstanceStatus;

  it('names an API instance by host, port and pid when the snapshot knows it', () => {
    expect(serviceName('api:i1', [instance])).toBe('API instance web-1:3005 (PID 42)');
    expect(serviceName('api:gone', [instance])).toBe('An API instance');
  });

  it('names the other services and disks', () => {
    expect(serviceName('postgres', [])).toBe('PostgreSQL');
    expect(serviceName('disk:logs', [])).toBe('Disk (logs)');
    expect(serviceName('something-new', [])).toBe('something-new');
  });
});

describe('blockedClientIn', () => {
  it('finds the client key a harvesting block names', () => {
    expect(blockedClientIn('signed-in client user:0b6c5a9e-1f2d-4e3a-9b8c-7d6e5f4a3b2c blocked (read a canary facility) on GET /api/facilities/:id')).toBe(
      'user:0b6c5a9e-1f2d-4e3a-9b8c-7d6e5f4a3b2c',
    );
    expect(blockedClientIn('anonymous client anon:3f2a9c blocked (past the read limit) on GET /api/proxy/marketplace')).toBe('anon:3f2a9c');
    expect(blockedClientIn('Client disconnected unexpectedly')).toBeNull();
  });
});
