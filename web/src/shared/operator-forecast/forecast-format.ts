/** "Mon 14 Sep": a local date (`YYYY-MM-DD`) of the outlook, read as a calendar day (no zone shift). */
export function forecastDayLabel(date: string, locale = 'en-GB'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** Expected spaces with one decimal, the trailing ".0" dropped: "7.2", "10". */
export function formatSpaces(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
