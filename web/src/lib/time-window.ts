/**
 * The window a driver parks for. Date/time inputs speak local wall-clock time
 * ("YYYY-MM-DDTHH:mm", what <input type="datetime-local"> holds); the API speaks ISO 8601 UTC.
 * The zone is the browser's unless one is given (a facility's zone on its own pages).
 */
export interface WallClockWindow {
  start: string;
  end: string;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Wall clock of an instant in a zone, as the numbers Intl reports (24 is read as 0). */
function wallClockParts(instant: Date, timeZone: string): [number, number, number, number, number] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [part('year'), part('month'), part('day'), part('hour') % 24, part('minute')];
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const [y, mo, d, h, mi] = wallClockParts(instant, timeZone);
  return (Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000;
}

/**
 * "YYYY-MM-DDTHH:mm" in `timeZone` → ISO UTC; null when the text is not such a time.
 * A wall clock skipped by a spring-forward change is read as the same number of minutes after
 * the gap (02:30 → 03:30), and a repeated one (fall back) as its first occurrence, as calendar
 * apps do.
 */
export function wallClockToIso(local: string, timeZone: string = browserTimeZone()): string | null {
  const match = WALL_CLOCK.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d) return null;
  // The offset before and after the instant differ only near a change; try both, keep the first fit.
  const earlier = offsetMinutes(new Date(asUtc - 24 * 3_600_000), timeZone);
  const later = offsetMinutes(new Date(asUtc + 24 * 3_600_000), timeZone);
  const candidates = [...new Set([earlier, later])].map((offset) => asUtc - offset * 60_000).sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (instantToWallClock(new Date(candidate).toISOString(), timeZone) === local) return new Date(candidate).toISOString();
  }
  // In a gap: the wall clock does not exist; shift by the gap, using the offset before it.
  return new Date(asUtc - earlier * 60_000).toISOString();
}

/** ISO instant → "YYYY-MM-DDTHH:mm" in `timeZone`, for an input's value. */
export function instantToWallClock(iso: string, timeZone: string = browserTimeZone()): string {
  const [y, mo, d, h, mi] = wallClockParts(new Date(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

/** From the next full hour for two hours: what a driver searching "now" most likely wants. */
export function defaultWindow(now: Date, timeZone: string = browserTimeZone()): WallClockWindow {
  const nextHour = Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000;
  return {
    start: instantToWallClock(new Date(nextHour).toISOString(), timeZone),
    end: instantToWallClock(new Date(nextHour + 2 * 3_600_000).toISOString(), timeZone),
  };
}

export type WindowProblem = 'missing' | 'end_not_after_start' | 'start_in_past';

/**
 * The window as ISO UTC instants, or why it cannot be searched. Given `now`, a start before the
 * current minute is refused too (the API refuses past windows; the picker's `min` says so first).
 */
export function windowToIso(
  window: WallClockWindow,
  timeZone: string = browserTimeZone(),
  now?: Date,
): { start: string; end: string } | { problem: WindowProblem } {
  const start = wallClockToIso(window.start, timeZone);
  const end = wallClockToIso(window.end, timeZone);
  if (!start || !end) return { problem: 'missing' };
  if (now && Date.parse(start) < Math.floor(now.getTime() / 60_000) * 60_000) return { problem: 'start_in_past' };
  if (Date.parse(end) <= Date.parse(start)) return { problem: 'end_not_after_start' };
  return { start, end };
}

/** What a person reads when the window they picked cannot be searched or booked. */
export const WINDOW_PROBLEM_SENTENCES: Record<WindowProblem, string> = {
  missing: 'Choose when you arrive and when you leave.',
  end_not_after_start: 'The time you leave must be after the time you arrive.',
  start_in_past: 'Choose an arrival time from now on: that time has already passed.',
};

/** "Thu, 26 Nov 2026, 14:00 – 16:00" in the zone; the second date only when the day changes. */
export function formatWindow(startIso: string, endIso: string, timeZone: string = browserTimeZone(), locale = 'en-GB'): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(startIso);
  const end = new Date(endIso);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** Whole hours and minutes: "2 h 30 min", "45 min", "3 days 2 h". */
export function formatDuration(startIso: string, endIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

/** "4:05" left on a hold; "0:00" once it has lapsed. */
export function formatCountdown(remainingMs: number): string {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A window short enough for one table line: "7 Dec, 10:00–12:00", or "7 Dec, 22:00 – 8 Dec, 06:00"
 * across midnight; the year only when it is not the current one.
 */
export function formatWindowCompact(startIso: string, endIso: string, timeZone: string = browserTimeZone(), now = new Date(), locale = 'en-GB'): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const year = (date: Date) => new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric' }).format(date);
  const withYear = year(start) !== year(now) || year(end) !== year(now);
  const day = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return day.format(start) === day.format(end)
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** The wall-clock time alone, "14:30", in the zone. */
export function formatClock(iso: string, timeZone: string = browserTimeZone(), locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/**
 * The zone's short name at that instant, as people read it on a car park's sign: "CET",
 * "CEST", "GMT"; where the locale has no abbreviation, its offset ("GMT-5"), never blank.
 */
export function zoneAbbreviation(iso: string, timeZone: string, locale = 'en-GB'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** `formatWindow` with the zone named: "Thu, 26 Nov 2026, 14:00 – 16:00 CET" (the end's name, which a DST change may alter, too). */
export function formatWindowInZone(startIso: string, endIso: string, timeZone: string, locale = 'en-GB'): string {
  const startZone = zoneAbbreviation(startIso, timeZone, locale);
  const endZone = zoneAbbreviation(endIso, timeZone, locale);
  const text = formatWindow(startIso, endIso, timeZone, locale);
  if (startZone === endZone) return `${text} ${endZone}`;
  const [from, to] = text.split(' – ');
  return `${from} ${startZone} – ${to} ${endZone}`;
}

/** The earliest wall clock a window may start at in the zone: the current minute ("YYYY-MM-DDTHH:mm", an input's `min`). */
export function earliestStart(now: Date, timeZone: string = browserTimeZone()): string {
  return instantToWallClock(new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString(), timeZone);
}

/** The zone as people say it, with its short name: "Berlin time (CET)", "New York time (GMT-5)", "UTC". */
export function describeZone(iso: string, timeZone: string, locale = 'en-GB'): string {
  const short = zoneAbbreviation(iso, timeZone, locale);
  const place = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ') : null;
  return place ? `${place} time (${short})` : short;
}
