import { retryDelayMs } from './retry-backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('retryDelayMs', () => {
  it('waits between half and all of the base delay after the first failure', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(1000);
  });

  it('doubles the delay with every further failure', () => {
    const lowest = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 0));
    expect(lowest).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(retryDelayMs(10, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 1)).toBe(60_000);
  });

  it('spreads messages that failed together over the upper half of the window', () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(3, policy));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});
