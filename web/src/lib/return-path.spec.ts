import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { isSitePath, rememberReturnPath, takeReturnPath } from './return-path';

/** The spec runs in node: a Map stands in for the browser's localStorage. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('return path after email verification', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('gives back the checkout the person registered from, once', () => {
    const checkout = '/driver/checkout?facility=f1&start=2031-06-03T08:00:00.000Z&end=2031-06-03T10:00:00.000Z&type=ev';
    rememberReturnPath(checkout, new Date('2031-06-01T10:00:00Z'));
    expect(takeReturnPath(new Date('2031-06-01T12:00:00Z'))).toBe(checkout);
    expect(takeReturnPath(new Date('2031-06-01T12:00:00Z'))).toBeNull();
  });

  it('forgets it once the verification link would have expired', () => {
    rememberReturnPath('/facilities/f1', new Date('2031-06-01T10:00:00Z'));
    expect(takeReturnPath(new Date('2031-06-03T10:00:01Z'))).toBeNull();
  });

  it('never keeps a path off the site', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(isSitePath(next)).toBe(false);
      rememberReturnPath(next);
      expect(takeReturnPath()).toBeNull();
    }
  });
});
