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

// Checking a zone builds an Intl.DateTimeFormat (hundreds of µs), and a search prices dozens of
// facilities in the same few zones: remember the valid ones (at most the ~600 IANA names).
const validZones = new Set<string>();

export function assertTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone`);
  validZones.add(timeZone);
}

function offsetMsAt(ms: number, timeZone: string): number {
  return DateTime.fromMillis(ms, { zone: timeZone }).offset * 60_000;
}

const DAY_MS = 86_400_000;
// Finding offsets asks Intl for every probe (the bulk of a quote's time). A UTC day's runs never
// change, and searches price many facilities over the same few days and zones: keep the
// latest few thousand days (a few hundred bytes each).
const DAYS_KEPT = 4096;
const runsByZoneDay = new Map<string, UtcOffsetRun[]>();

/** Splits [startMs, endMs) at every change of the zone's UTC offset (DST starts and ends). */
export function utcOffsetRuns(startMs: number, endMs: number, timeZone: string): UtcOffsetRun[] {
  if (!(endMs > startMs)) return [{ startMs, endMs, offsetMs: offsetMsAt(startMs, timeZone) }];
  const runs: UtcOffsetRun[] = [];
  for (let day = Math.floor(startMs / DAY_MS) * DAY_MS; day < endMs; day += DAY_MS) {
    for (const run of runsOfUtcDay(day, timeZone)) {
      const from = Math.max(run.startMs, startMs);
      const to = Math.min(run.endMs, endMs);
      if (from >= to) continue;
      const last = runs.at(-1);
      if (last && last.offsetMs === run.offsetMs && last.endMs === from) last.endMs = to;
      else runs.push({ startMs: from, endMs: to, offsetMs: run.offsetMs });
    }
  }
  return runs;
}

function runsOfUtcDay(dayStartMs: number, timeZone: string): readonly UtcOffsetRun[] {
  const key = `${timeZone}|${dayStartMs}`;
  let runs = runsByZoneDay.get(key);
  if (!runs) {
    runs = probeOffsetRuns(dayStartMs, dayStartMs + DAY_MS, timeZone);
    if (runsByZoneDay.size >= DAYS_KEPT) runsByZoneDay.delete(runsByZoneDay.keys().next().value!);
    runsByZoneDay.set(key, runs);
  }
  return runs;
}

function probeOffsetRuns(startMs: number, endMs: number, timeZone: string): UtcOffsetRun[] {
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
