import { DateTime } from 'luxon';

/** The language emails are written in; dates and money follow its conventions. */
export const EMAIL_LOCALE = 'en-GB';

/**
 * Minor units to a price in the currency's own notation: €12.50, ¥1,200, 12.500 KWD. The number of
 * decimals comes from ISO 4217 through Intl, so 1200 "cents" of JPY is ¥1,200, not ¥12.00.
 */
export function formatMoney(amountMinor: number, currency: string, locale = EMAIL_LOCALE): string {
  const format = cached(moneyFormats, `${locale} ${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Division is correctly rounded, so the nearest double to the exact amount prints exactly at `digits` places.
  return format.format(amountMinor / 10 ** digits);
}

export interface LocalWindow {
  /** "Tuesday 3 March 2026, 09:00" in the facility's zone. */
  start: string;
  end: string;
  /** The zone's abbreviation or offset at each end ("CET", "CEST", "GMT+1"), which can differ across a DST change. */
  startZone: string;
  endZone: string;
  /** The IANA zone, e.g. Europe/Berlin. */
  timeZone: string;
}

/** A booking window as the facility's clocks show it, the way the driver will read it on site. */
export function formatWindow(start: Date, end: Date, timeZone: string, locale = EMAIL_LOCALE): LocalWindow {
  const at = (instant: Date) => DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(locale);
  const from = at(start);
  const until = at(end);
  if (!from.isValid || !until.isValid) throw new RangeError(`Cannot show a time in zone "${timeZone}"`);
  const pattern = 'cccc d LLLL yyyy, HH:mm';
  // Luxon's 'ZZZZ' builds a new Intl formatter for every call: the same short zone name, from a kept one.
  const zoneNames = cached(zoneNameFormats, `${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }));
  const zoneAt = (instant: Date) => zoneNames.formatToParts(instant).find((part) => part.type === 'timeZoneName')!.value;
  return { start: from.toFormat(pattern), end: until.toFormat(pattern), startZone: zoneAt(start), endZone: zoneAt(end), timeZone };
}

/**
 * Intl formatters are costly to build (locale data is resolved each time) and cheap to reuse;
 * every confirmation email formats a price and a window. One per locale and currency or zone,
 * of which there are few; the bound only guards against a caller passing arbitrary ones.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();
const FORMATS_KEPT = 500;

function cached<T>(formats: Map<string, T>, key: string, build: () => T): T {
  let format = formats.get(key);
  if (!format) {
    format = build();
    if (formats.size >= FORMATS_KEPT) formats.clear();
    formats.set(key, format);
  }
  return format;
}
