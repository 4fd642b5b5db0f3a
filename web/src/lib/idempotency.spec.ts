import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api-error';
import { IdempotencyKeys } from './idempotency';

function keys() {
  let n = 0;
  return new IdempotencyKeys(() => `key-${++n}`);
}

const envelope = (statusCode: number) => ({ statusCode, error: 'x', message: 'x', requestId: 'r' });

describe('IdempotencyKeys', () => {
  it('reuses the key when the same submission is retried after a network failure', () => {
    const ids = keys();
    expect(ids.keyFor({ card: '4242' })).toBe('key-1');
    ids.settle(new TypeError('Failed to fetch'));
    expect(ids.keyFor({ card: '4242' })).toBe('key-1');
  });

  it('reuses the key after a server error, which may have been applied', () => {
    const ids = keys();
    ids.keyFor({ a: 1 });
    ids.settle(new ApiError(503, envelope(503)));
    expect(ids.keyFor({ a: 1 })).toBe('key-1');
  });

  it('starts a new attempt once the server answered definitively, even with the same body', () => {
    const ids = keys();
    ids.keyFor({ card: '4000000000000002' });
    ids.settle(new ApiError(402, envelope(402)));
    expect(ids.keyFor({ card: '4000000000000002' })).toBe('key-2');
    ids.settle();
    expect(ids.keyFor({ card: '4000000000000002' })).toBe('key-3');
  });

  it('gives a changed submission its own key', () => {
    const ids = keys();
    ids.keyFor({ card: '4000000000000002' });
    expect(ids.keyFor({ card: '4242424242424242' })).toBe('key-2');
  });

  it('uses a random UUID by default', () => {
    expect(new IdempotencyKeys().keyFor({})).toMatch(/^[0-9a-f-]{36}$/);
  });
});
