import { jest } from '@jest/globals';
import { CoalescingScheduler } from './coalescing-scheduler.js';

describe('CoalescingScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  function schedulerRecording(windowMs = 50) {
    const runs: { key: string; items: number[] }[] = [];
    const scheduler = new CoalescingScheduler<string, number[]>(
      windowMs,
      (previous, next) => [...(previous ?? []), ...next],
      async (key, items) => {
        runs.push({ key, items });
      },
      (error) => {
        throw error;
      },
    );
    return { runs, scheduler };
  }

  it('runs the first request for a quiet key at once', async () => {
    const { runs, scheduler } = schedulerRecording();
    scheduler.request('f1', [1]);
    await flush();
    expect(runs).toEqual([{ key: 'f1', items: [1] }]);
  });

  it('merges a burst into one more run after the window', async () => {
    const { runs, scheduler } = schedulerRecording();
    for (let i = 1; i <= 100; i++) scheduler.request('f1', [i]);
    await flush();
    expect(runs).toHaveLength(1);
    jest.advanceTimersByTime(50);
    await flush();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.items).toHaveLength(99);
  });

  it('keeps keys apart', async () => {
    const { runs, scheduler } = schedulerRecording();
    scheduler.request('f1', [1]);
    scheduler.request('f2', [2]);
    await flush();
    expect(runs.map((r) => r.key)).toEqual(['f1', 'f2']);
  });

  it('forgets a key once it has been idle for a window', async () => {
    const { scheduler } = schedulerRecording();
    scheduler.request('f1', [1]);
    await flush();
    jest.advanceTimersByTime(60);
    await flush();
    expect(scheduler.busyKeys).toBe(0);
  });

  it('does not run a second time while a run is in flight', async () => {
    let release!: () => void;
    const runs: number[][] = [];
    const scheduler = new CoalescingScheduler<string, number[]>(
      0,
      (previous, next) => [...(previous ?? []), ...next],
      (_key, items) => {
        runs.push(items);
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => undefined,
    );
    scheduler.request('f1', [1]);
    scheduler.request('f1', [2]);
    scheduler.request('f1', [3]);
    await flush();
    expect(runs).toEqual([[1]]);
    release();
    await flush();
    expect(runs).toEqual([[1], [2, 3]]);
  });
});
