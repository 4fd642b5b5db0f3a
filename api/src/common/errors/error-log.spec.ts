import { ErrorLog } from './error-log.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 7, 6, 59, 0);

describe('ErrorLog', () => {
  it('groups occurrences by service, type and normalised message, keeping the latest message, request and route', () => {
    const log = new ErrorLog();
    log.record({ service: 'API', type: '500 Error', message: 'GET /api/bookings/:id: booking 11 broke', requestId: 'r1', route: 'GET /api/bookings/:id' }, T0);
    log.record(
      { service: 'API', type: '500 Error', message: 'GET /api/bookings/:id: booking 12 broke', requestId: 'r2', route: 'GET /api/bookings/:id' },
      T0 + 10,
    );
    log.record({ service: 'Security', type: 'Rate limited', message: 'GET /api/bookings/:id', requestId: null }, T0 + 20);
    const { groups, dropped } = log.drain();
    expect(dropped).toBe(0);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({
      service: 'API',
      count: 2,
      message: 'GET /api/bookings/:id: booking 12 broke',
      firstAt: T0,
      lastAt: T0 + 10,
      lastRequestId: 'r2',
      lastRoute: 'GET /api/bookings/:id',
      critical: false,
    });
    expect(groups[1]).toMatchObject({ service: 'Security', count: 1, lastRequestId: null, lastRoute: null });
    expect(log.drain().groups).toEqual([]);
  });

  it('counts per UTC hour, with durations for slow statements, and is critical once any occurrence is', () => {
    const log = new ErrorLog();
    const slow = { service: 'PostgreSQL', type: 'Slow query', message: "SELECT * FROM x WHERE a = 'b'", groupByMessageAsIs: true } as const;
    log.record({ ...slow, durationMs: 1200 }, T0);
    log.record({ ...slow, message: "SELECT * FROM x WHERE a = 'c'", durationMs: 3000, critical: true }, T0 + 2 * 60_000);
    const [group] = log.drain().groups;
    expect(group!.message).toBe("SELECT * FROM x WHERE a = '?'");
    expect(group!.critical).toBe(true);
    expect([...group!.hours]).toEqual([
      [T0 - (T0 % HOUR), { count: 1, totalMs: 1200, maxMs: 1200 }],
      [T0 - (T0 % HOUR) + HOUR, { count: 1, totalMs: 3000, maxMs: 3000 }],
    ]);
  });

  it('keeps at most MAX_PENDING_GROUPS new groups per flush, counting the rest as dropped, and still counts known ones', () => {
    const log = new ErrorLog();
    // Letters only: digits would be normalised away and make one group.
    const word = (i: number) => [...i.toString(10).padStart(4, '0')].map((d) => String.fromCharCode(97 + Number(d))).join('');
    for (let i = 0; i < ErrorLog.MAX_PENDING_GROUPS + 5; i++) log.record({ service: 'API', type: '500 Error', message: `kind ${word(i)}` }, T0);
    log.record({ service: 'API', type: '500 Error', message: `kind ${word(0)}` }, T0);
    const { groups, dropped } = log.drain();
    expect(groups).toHaveLength(ErrorLog.MAX_PENDING_GROUPS);
    expect(dropped).toBe(5);
    expect(groups[0]!.count).toBe(2);
    expect(log.drain().dropped).toBe(0);
  });

  it('takes back groups a failed write could not store, merged with what came since', () => {
    const log = new ErrorLog();
    log.record({ service: 'Email', type: 'Delivery failed', message: 'smtp down', critical: true }, T0);
    const failed = log.drain().groups;
    log.record({ service: 'Email', type: 'Delivery failed', message: 'smtp down' }, T0 + HOUR);
    log.restore(failed);
    const [group] = log.drain().groups;
    expect(group).toMatchObject({ count: 2, critical: true, firstAt: T0, lastAt: T0 + HOUR });
    expect(group!.hours.size).toBe(2);
  });
});
