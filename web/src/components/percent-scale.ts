/**
 * The top of a percentage axis or colour scale, chosen from the data: 1 % occupancy is drawn on
 * a 0–1 % scale, not lost at the bottom of 0–100 %. One high value (a single busy hour) does not
 * flatten the rest either: when the largest value is far above the 95th percentile, the scale
 * stops at the percentile and the values above it are outliers, drawn at the top and marked.
 */
export interface PercentScale {
  /** The percentage at the top of the scale (a round number, at most 100). */
  max: number;
  /** Whether values above `max` exist (outliers, drawn capped and marked). */
  capped: boolean;
}

/** Round tops for a scale, in percent. */
const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** The smallest round number ≥ value (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100), at most 100. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of NICE_STEPS) {
    const candidate = step * magnitude;
    if (candidate >= value - 1e-9) return Math.min(100, Number(candidate.toPrecision(12)));
  }
  return Math.min(100, 10 * magnitude);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** A value above this multiple of the 95th percentile is an outlier. */
const OUTLIER_FACTOR = 1.5;

export function percentScale(values: readonly (number | null | undefined)[]): PercentScale {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (known.length === 0) return { max: 1, capped: false };
  const largest = known[known.length - 1]!;
  const p95 = percentile(known, 95);
  // Few points have no meaningful percentile: every one of them is shown as it is.
  if (known.length >= 10 && p95 > 0 && largest > p95 * OUTLIER_FACTOR) {
    const max = niceCeil(p95);
    if (largest > max) return { max, capped: true };
  }
  return { max: niceCeil(largest), capped: false };
}

/** "0.4 %", "12 %": one decimal below 10 %, where it still says something. */
export function formatPercent(percent: number): string {
  return percent < 10 && percent !== 0 && !Number.isInteger(percent) ? `${percent.toFixed(1)} %` : `${Math.round(percent)} %`;
}
