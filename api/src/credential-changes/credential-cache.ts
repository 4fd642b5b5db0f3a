interface Entry<V> {
  value: V;
  account: string;
  expiresAt: number;
}

export interface CredentialCacheOptions {
  /** Most entries kept; at the cap the oldest entry makes room. */
  maxEntries: number;
  /** How long an entry may answer for the database; 0 turns the cache off. */
  ttlMs: number;
  now?: () => number;
}

/**
 * Credentials the database found valid (a live session, a usable API key), kept a few seconds
 * so that most requests make no round trip to check theirs. It only ever holds positive
 * answers: a refused credential is asked again each time. Changes reach it as "forget this
 * account" (see CredentialChanges); it answers nothing while it could miss one (`enabled` off).
 *
 * A read that started before an account was forgotten must not be stored after it: it may have
 * seen the session live just before the logout committed. So a caller takes a `ticket()` before
 * reading the database and `set()` drops the value when anything was forgotten since.
 */
export class CredentialCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByAccount = new Map<string, Set<string>>();
  private generation = 0;
  private enabled = false;
  private readonly now: () => number;

  constructor(private readonly options: CredentialCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get active(): boolean {
    return this.enabled;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.remove(key, entry.account);
    return undefined;
  }

  ticket(): number {
    return this.generation;
  }

  /** Keeps a value read under `ticket` for `account`, at most the TTL and never past `validUntil` (epoch ms). */
  set(key: string, account: string, value: V, ticket: number, validUntil = Infinity): void {
    if (!this.enabled || ticket !== this.generation || this.options.ttlMs <= 0) return;
    const now = this.now();
    const expiresAt = Math.min(now + this.options.ttlMs, validUntil);
    if (expiresAt <= now) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous.account);
    while (this.entries.size >= this.options.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry<V>];
      this.remove(oldestKey, oldest.account);
    }
    this.entries.set(key, { value, account, expiresAt });
    let keys = this.keysByAccount.get(account);
    if (!keys) this.keysByAccount.set(account, (keys = new Set()));
    keys.add(key);
  }

  /** Drops every entry of the account, and any read of the database still under way. */
  forgetAccount(account: string): void {
    this.generation++;
    const keys = this.keysByAccount.get(account);
    if (!keys) return;
    this.keysByAccount.delete(account);
    for (const key of keys) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.keysByAccount.clear();
  }

  /** On while changes are heard; turning it either way forgets everything (what changed meanwhile is unknown). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.clear();
  }

  private remove(key: string, account: string): void {
    this.entries.delete(key);
    const keys = this.keysByAccount.get(account);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByAccount.delete(account);
  }
}
