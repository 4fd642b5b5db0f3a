/**
 * Opening hours as stored in `facilities.opening_hours` (null = open 24/7) and the one question
 * the seed asks of them: on this local date, from when to when (in UTC) is the car park open?
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Record<Weekday, [string, string][]>;

function week(weekday: [string, string][], saturday: [string, string][], sunday: [string, string][]): WeeklyHours {
  return { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: saturday, sun: sunday };
}

/** The schedules real city car parks tend to have; `null` is 24/7. */
export const OPENING_HOURS_TEMPLATES: readonly (WeeklyHours | null)[] = [
  null,
  week([['06:00', '23:00']], [['06:00', '23:00']], [['08:00', '22:00']]),
  week([['07:00', '22:00']], [['07:00', '22:00']], [['07:00', '22:00']]),
  week([['06:00', '21:00']], [['08:00', '18:00']], []),
];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The UTC instants a facility opens and closes on the local calendar date that starts at
 * `utcMidnight`'s year-month-day, or null when closed that day. The offset is taken at local
 * noon: every template opens after 03:00, when a DST switch that day has already happened.
 */
export function openWindowUtc(hours: WeeklyHours | null, timeZone: string, utcMidnight: number): { opens: number; closes: number } | null {
  const offset = zoneOffsetMinutes(timeZone, utcMidnight + 12 * 60 * MINUTE);
  if (hours === null) return { opens: utcMidnight - offset * MINUTE, closes: utcMidnight + DAY - offset * MINUTE };
  const interval = hours[WEEKDAYS[new Date(utcMidnight).getUTCDay()]!][0];
  if (!interval) return null;
  const [from, to] = interval.map(minutesOfDay) as [number, number];
  return { opens: utcMidnight + (from - offset) * MINUTE, closes: utcMidnight + (to - offset) * MINUTE };
}

function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const offsetCache = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at that instant (Europe/Berlin in summer: 120). Cached per zone and hour. */
export function zoneOffsetMinutes(timeZone: string, utcMillis: number): number {
  const key = `${timeZone}:${Math.floor(utcMillis / (60 * MINUTE))}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(utcMillis).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  offsetCache.set(key, minutes);
  return minutes;
}
