import { CredentialCache } from './credential-cache.js';

/** A cache on a clock the test moves by hand, listening (enabled) unless asked otherwise. */
function cacheAt(options: { maxEntries?: number; ttlMs?: number; enabled?: boolean } = {}) {
  const clock = { now: 1_000_000 };
  const cache = new CredentialCache<string>({ maxEntries: options.maxEntries ?? 100, ttlMs: options.ttlMs ?? 10_000, now: () => clock.now });
  if (options.enabled ?? true) cache.setEnabled(true);
  return { cache, clock };
}

describe('CredentialCache', () => {
  it('answers a stored credential until its TTL, then asks again', () => {
    const { cache, clock } = cacheAt({ ttlMs: 5_000 });
    cache.set('alice s1', 'alice', 'live', cache.ticket());
    clock.now += 4_999;
    expect(cache.get('alice s1')).toBe('live');
    clock.now += 1;
    expect(cache.get('alice s1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never keeps a credential past its own end (a session whose token expires sooner than the TTL)', () => {
    const { cache, clock } = cacheAt({ ttlMs: 10_000 });
    cache.set('alice s1', 'alice', 'live', cache.ticket(), clock.now + 2_000);
    clock.now += 2_000;
    expect(cache.get('alice s1')).toBeUndefined();
    cache.set('alice s2', 'alice', 'live', cache.ticket(), clock.now);
    expect(cache.get('alice s2')).toBeUndefined();
  });

  it('holds at most maxEntries, the oldest making room', () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    for (const user of ['a', 'b', 'c', 'd', 'e']) cache.set(`${user} s`, user, user, cache.ticket());
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((u) => cache.get(`${u} s`))).toEqual([undefined, undefined, 'c', 'd', 'e']);
    // Replacing an entry does not count twice.
    cache.set('e s', 'e', 'again', cache.ticket());
    expect(cache.size).toBe(3);
    expect(cache.get('c s')).toBe('c');
  });

  it('forgets every entry of an account and no other', () => {
    const { cache } = cacheAt();
    cache.set('alice s1', 'alice', 'a1', cache.ticket());
    cache.set('alice s2', 'alice', 'a2', cache.ticket());
    cache.set('bob s1', 'bob', 'b1', cache.ticket());
    cache.forgetAccount('alice');
    expect([cache.get('alice s1'), cache.get('alice s2'), cache.get('bob s1')]).toEqual([undefined, undefined, 'b1']);
    expect(cache.size).toBe(1);
  });

  it('drops a read that started before an account was forgotten (it may predate the logout)', () => {
    const { cache } = cacheAt();
    const ticket = cache.ticket();
    cache.forgetAccount('alice');
    cache.set('alice s1', 'alice', 'seen live before the logout', ticket);
    expect(cache.get('alice s1')).toBeUndefined();
    cache.set('alice s1', 'alice', 'read after', cache.ticket());
    expect(cache.get('alice s1')).toBe('read after');
  });

  it('keeps nothing while changes cannot be heard, and starts empty when they can again', () => {
    const { cache } = cacheAt({ enabled: false });
    cache.set('alice s1', 'alice', 'live', cache.ticket());
    expect(cache.get('alice s1')).toBeUndefined();
    cache.setEnabled(true);
    const before = cache.ticket();
    cache.set('alice s1', 'alice', 'live', before);
    expect(cache.get('alice s1')).toBe('live');
    cache.setEnabled(false);
    expect(cache.get('alice s1')).toBeUndefined();
    cache.setEnabled(true);
    // A read begun before the connection was lost is not kept after it is back.
    cache.set('alice s1', 'alice', 'stale', before);
    expect(cache.get('alice s1')).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0', () => {
    const { cache } = cacheAt({ ttlMs: 0 });
    cache.set('alice s1', 'alice', 'live', cache.ticket());
    expect(cache.get('alice s1')).toBeUndefined();
  });
});
