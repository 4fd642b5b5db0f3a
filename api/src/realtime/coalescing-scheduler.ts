/**
 * Runs work per key at most once per window, merging what arrives meanwhile. The first request
 * for an idle key runs at once (no added latency when quiet); requests during a run or within
 * the window after its start are merged and run together once the window has passed. So a
 * burst of 100 bookings in one facility costs a handful of recounts, not 100.
 */
export class CoalescingScheduler<Key, Pending> {
  private readonly states = new Map<
    Key,
    { pending: Pending | undefined; running: boolean; lastStart: number; timer: ReturnType<typeof setTimeout> | undefined }
  >();
  private stopped = false;

  constructor(
    private readonly windowMs: number,
    private readonly merge: (previous: Pending | undefined, next: Pending) => Pending,
    private readonly run: (key: Key, pending: Pending) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  request(key: Key, item: Pending): void {
    if (this.stopped) return;
    let state = this.states.get(key);
    if (!state) {
      state = { pending: undefined, running: false, lastStart: -Infinity, timer: undefined };
      this.states.set(key, state);
    }
    state.pending = this.merge(state.pending, item);
    this.kick(key);
  }

  /** Keys with work waiting or running (for tests and stats). */
  get busyKeys(): number {
    return this.states.size;
  }

  stop(): void {
    this.stopped = true;
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
  }

  private kick(key: Key): void {
    const state = this.states.get(key);
    if (!state || state.running || state.timer || state.pending === undefined) return;
    const wait = state.lastStart + this.windowMs - this.now();
    if (wait > 0) {
      state.timer = setTimeout(() => {
        state.timer = undefined;
        this.kick(key);
      }, wait);
      return;
    }
    const pending = state.pending;
    state.pending = undefined;
    state.running = true;
    state.lastStart = this.now();
    this.run(key, pending)
      .catch(this.onError)
      .finally(() => {
        state.running = false;
        if (this.stopped) return;
        if (state.pending === undefined && !state.timer) {
          // Forget idle keys once their window is over, so the map holds only busy facilities.
          const idleFor = state.lastStart + this.windowMs - this.now();
          if (idleFor <= 0) this.states.delete(key);
          else
            state.timer = setTimeout(() => {
              state.timer = undefined;
              if (state.pending === undefined && !state.running) this.states.delete(key);
              else this.kick(key);
            }, idleFor);
          return;
        }
        this.kick(key);
      });
  }
}
