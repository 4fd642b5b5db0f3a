import { DateTime, IANAZone } from 'luxon';

/** A stretch of real time during which the zone's UTC offset does not change. */
export interface UtcOffsetRun {
  startMs: number;
  endMs: number;
  offsetMs: number;
}

// Offsets change a few times a year at most; probing hourly and bisecting to the millisecond
// finds every change (two changes within one hour do not occur in the tz database).
const PROBE_STEP_MS = 3_600_000;

export function assertTimeZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone`);
}

function offsetMsAt(ms: number, timeZone: string): number {
  return DateTime.fromMillis(ms, { zone: timeZone }).offset * 60_000;
}

/** Splits [startMs, endMs) at every change of the zone's UTC offset (DST starts and ends). */
export function utcOffsetRuns(startMs: number, endMs: number, timeZone: string): UtcOffsetRun[] {
  const runs: UtcOffsetRun[] = [];
  let runStart = startMs;
  let runOffset = offsetMsAt(startMs, timeZone);
  let probe = startMs;
  while (probe < endMs - 1) {
    const next = Math.min(probe + PROBE_STEP_MS, endMs - 1);
    if (offsetMsAt(next, timeZone) === runOffset) {
      probe = next;
      continue;
    }
    let before = probe;
    let after = next;
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (offsetMsAt(middle, timeZone) === runOffset) before = middle;
      else after = middle;
    }
    runs.push({ startMs: runStart, endMs: after, offsetMs: runOffset });
    runStart = after;
    runOffset = offsetMsAt(after, timeZone);
    probe = after;
  }
  runs.push({ startMs: runStart, endMs, offsetMs: runOffset });
  return runs;
}
