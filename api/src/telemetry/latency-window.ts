/**
 * Request figures over the last minute, in a ring of per-second slots: O(1) to record, O(60 ×
 * buckets) to read. Latencies go into fixed histogram buckets rather than a list of samples, so
 * the figures of several instances merge by adding bucket counts, and p95 of the merged minute is
 * read from the sum (as Prometheus's histogram_quantile does), never averaged from per-instance p95s.
 */

/** Upper bounds of the latency buckets in ms; one more bucket counts everything slower. */
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

const WINDOW_SECONDS = 60;
const BUCKETS = LATENCY_BOUNDS_MS.length + 1;
// Per slot: requests, server errors, then the bucket counts.
const WIDTH = 2 + BUCKETS;

/** A minute's figures: what the heartbeat stores and what instances merge. */
export interface WindowFigures {
  requests: number;
  serverErrors: number;
  /** Count per latency bucket (not cumulative), LATENCY_BOUNDS_MS.length + 1 entries. */
  buckets: number[];
}

export function emptyFigures(): WindowFigures {
  return { requests: 0, serverErrors: 0, buckets: new Array<number>(BUCKETS).fill(0) };
}

export function bucketOf(durationMs: number): number {
  for (let i = 0; i < LATENCY_BOUNDS_MS.length; i++) if (durationMs <= LATENCY_BOUNDS_MS[i]!) return i;
  return LATENCY_BOUNDS_MS.length;
}

export class MinuteWindow {
  private readonly cells = new Uint32Array(WINDOW_SECONDS * WIDTH);
  private readonly seconds = new Float64Array(WINDOW_SECONDS).fill(-Infinity);

  record(durationMs: number, serverError: boolean, nowMs: number): void {
    this.recordBucket(bucketOf(durationMs), serverError, nowMs);
  }

  /** `record` with the latency bucket already found (`bucketOf`): the request hook finds it once for several windows. */
  recordBucket(bucket: number, serverError: boolean, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const slot = second % WINDOW_SECONDS;
    const base = slot * WIDTH;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.cells.fill(0, base, base + WIDTH);
    }
    const cells = this.cells;
    cells[base] = cells[base]! + 1;
    if (serverError) cells[base + 1] = cells[base + 1]! + 1;
    const cell = base + 2 + bucket;
    cells[cell] = cells[cell]! + 1;
  }

  /** The last 60 seconds, this one included. */
  figures(nowMs: number): WindowFigures {
    const second = Math.floor(nowMs / 1000);
    const out = emptyFigures();
    for (let slot = 0; slot < WINDOW_SECONDS; slot++) {
      const age = second - this.seconds[slot]!;
      if (age < 0 || age >= WINDOW_SECONDS) continue;
      const base = slot * WIDTH;
      out.requests += this.cells[base]!;
      out.serverErrors += this.cells[base + 1]!;
      for (let b = 0; b < BUCKETS; b++) out.buckets[b]! += this.cells[base + 2 + b]!;
    }
    return out;
  }
}

/** Adds `more` into `into` (bucket lists of another length are ignored: a different build's layout). */
export function mergeInto(into: WindowFigures, more: WindowFigures): WindowFigures {
  into.requests += more.requests;
  into.serverErrors += more.serverErrors;
  if (Array.isArray(more.buckets) && more.buckets.length === into.buckets.length) {
    for (let b = 0; b < into.buckets.length; b++) into.buckets[b]! += Number(more.buckets[b]) || 0;
  }
  return into;
}

/**
 * The q-quantile (0..1) of a bucketed distribution, interpolated linearly inside its bucket;
 * null without samples. In the open-ended last bucket the answer is its lower bound (the largest
 * finite one): all that is known is "slower than that".
 */
export function quantileMs(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i]!;
    if (count > 0 && below + count >= rank) {
      if (i >= LATENCY_BOUNDS_MS.length) return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i]!;
      return Math.round((lower + ((upper - lower) * (rank - below)) / count) * 10) / 10;
    }
    below += count;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}
