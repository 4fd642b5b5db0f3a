import { ActiveUserLog, mergeActiveUsers, reportActiveUsers, MAX_IDS_PER_PORTAL } from './active-users.js';

const T0 = Date.parse('2026-05-01T12:00:00Z');

describe('ActiveUserLog', () => {
  it('keeps each account once, refreshed by every request, and forgets it after the window', () => {
    const log = new ActiveUserLog(5 * 60_000);
    log.saw('a', 'driver', T0);
    log.saw('a', 'driver', T0 + 60_000);
    log.saw('b', null, T0);
    expect(log.recent(T0 + 4 * 60_000)).toEqual([
      { userId: 'a', role: 'driver' },
      { userId: 'b', role: null },
    ]);
    expect(log.recent(T0 + 5 * 60_000 + 1)).toEqual([{ userId: 'a', role: 'driver' }]);
    expect(log.recent(T0 + 6 * 60_000 + 1)).toEqual([]);
  });
});

describe('reportActiveUsers', () => {
  it('puts drivers in the marketplace, counts a key owner by the role looked up, and each account once', () => {
    const report = reportActiveUsers(
      [
        { userId: 'driver-1', role: 'driver' },
        { userId: 'owner-1', role: null },
        { userId: 'nobody', role: null },
      ],
      {
        users: [
          { userId: 'driver-1', role: 'driver' },
          { userId: 'op-1', role: 'operator' },
        ],
        anonymous: 2,
      },
      new Map([['owner-1', 'investor' as const]]),
    );
    expect(report).toEqual({
      ids: { marketplace: ['driver-1'], operator: ['op-1'], investor: ['owner-1'], admin: [] },
      anonymousSockets: 2,
      truncated: false,
    });
  });

  it('bounds the ids per portal and says so', () => {
    const many = Array.from({ length: MAX_IDS_PER_PORTAL + 1 }, (_, i) => ({ userId: `u${i}`, role: 'admin' as const }));
    const report = reportActiveUsers(many, { users: [], anonymous: 0 }, new Map());
    expect(report.ids.admin).toHaveLength(MAX_IDS_PER_PORTAL);
    expect(report.truncated).toBe(true);
  });
});

describe('mergeActiveUsers', () => {
  it('counts an account active on two instances once and adds the anonymous sockets of each to the marketplace', () => {
    const merged = mergeActiveUsers([
      { ids: { marketplace: ['d1', 'd2'], operator: ['o1'], investor: [], admin: ['a1'] }, anonymousSockets: 1, truncated: false },
      { ids: { marketplace: ['d2'], operator: ['o1', 'o2'], investor: [], admin: ['a1'] }, anonymousSockets: 2, truncated: false },
    ]);
    expect(merged).toEqual({ total: 8, byPortal: { marketplace: 5, operator: 2, investor: 0, admin: 1 } });
  });
});
