import { LATENCY_BOUNDS_MS, MinuteWindow, bucketOf, emptyFigures, mergeInto, quantileMs } from './latency-window.js';

const T0 = Date.parse('2026-05-01T12:00:00Z');

describe('MinuteWindow', () => {
  it('counts requests, server errors and latency buckets of the last 60 seconds only', () => {
    const window = new MinuteWindow();
    window.record(3, false, T0);
    window.record(40, true, T0 + 500);
    window.record(700, false, T0 + 30_000);
    expect(window.figures(T0 + 30_000)).toMatchObject({ requests: 3, serverErrors: 1 });
    // 60 s after the first second, its slot has left the window; the 30-s one has not.
    const later = window.figures(T0 + 60_000);
    expect(later).toMatchObject({ requests: 1, serverErrors: 0 });
    expect(later.buckets[bucketOf(700)]).toBe(1);
    expect(window.figures(T0 + 90_000).requests).toBe(0);
  });

  it('reuses a slot a minute later without keeping what it held', () => {
    const window = new MinuteWindow();
    window.record(1, true, T0);
    window.record(1, false, T0 + 60_000);
    expect(window.figures(T0 + 60_000)).toMatchObject({ requests: 1, serverErrors: 0 });
  });
});

describe('bucketOf', () => {
  it('puts a duration in the first bucket whose upper bound holds it, and past the last bound in the overflow bucket', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(1.01)).toBe(1);
    expect(bucketOf(100)).toBe(LATENCY_BOUNDS_MS.indexOf(100));
    expect(bucketOf(10_001)).toBe(LATENCY_BOUNDS_MS.length);
  });
});

describe('quantileMs', () => {
  const buckets = (entries: Array<[number, number]>) => {
    const out = emptyFigures().buckets;
    for (const [ms, count] of entries) out[bucketOf(ms)]! += count;
    return out;
  };

  it('is null without samples', () => {
    expect(quantileMs(emptyFigures().buckets, 0.95)).toBeNull();
  });

  it('interpolates linearly inside the bucket that holds the rank', () => {
    // 100 samples in (50, 100]: p95 is 95 % of the way from 50 to 100.
    expect(quantileMs(buckets([[80, 100]]), 0.95)).toBe(97.5);
    // 95 fast ones in (0, 1] and 5 in (250, 500]: the 95th is the last fast one.
    expect(
      quantileMs(
        buckets([
          [0.5, 95],
          [300, 5],
        ]),
        0.95,
      ),
    ).toBe(1);
    expect(
      quantileMs(
        buckets([
          [0.5, 94],
          [300, 6],
        ]),
        0.95,
      ),
    ).toBeCloseTo(250 + 250 * (1 / 6), 0);
  });

  it('answers the largest finite bound when the rank falls among the slowest', () => {
    expect(quantileMs(buckets([[60_000, 10]]), 0.95)).toBe(10_000);
  });

  it('reads p95 of merged instances from the summed buckets, not from their p95s', () => {
    const fast = emptyFigures();
    const slow = emptyFigures();
    for (let i = 0; i < 90; i++) fast.buckets[bucketOf(2)]! += 1;
    fast.requests = 90;
    for (let i = 0; i < 10; i++) slow.buckets[bucketOf(900)]! += 1;
    slow.requests = 10;
    slow.serverErrors = 2;
    const merged = mergeInto(mergeInto(emptyFigures(), fast), slow);
    expect(merged).toMatchObject({ requests: 100, serverErrors: 2 });
    // Rank 95 is the 5th of the 10 slow requests, in (500, 1000].
    expect(quantileMs(merged.buckets, 0.95)).toBe(750);
  });

  it('ignores bucket lists of another layout (a row written by another build)', () => {
    const merged = mergeInto(emptyFigures(), { requests: 3, serverErrors: 0, buckets: [1, 2] });
    expect(merged.requests).toBe(3);
    expect(merged.buckets.every((b) => b === 0)).toBe(true);
  });
});
