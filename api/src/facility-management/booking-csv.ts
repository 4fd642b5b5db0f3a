import { DateTime } from 'luxon';
import type { OperatorBookingDbRow } from './facility-management.repository.js';

/**
 * What one export covers. A spreadsheet reads a column best when its header says the unit once:
 * with a single zone and currency they go in the header (`start (Europe/Berlin)`, `amount (EUR)`);
 * an export over car parks in several zones or currencies keeps a `time_zone` / `currency` column
 * so every row still says what its figures mean.
 */
export interface BookingCsvScope {
  timeZones: string[];
  currencies: string[];
}

/** Local wall-clock time as spreadsheets parse it without help (ISO date, space, 24-hour time). */
const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm';

export function bookingCsvHeader(scope: BookingCsvScope): string[] {
  const zone = single(scope.timeZones);
  const currency = single(scope.currencies);
  const inZone = (name: string) => `${name} (${zone ?? 'local time'})`;
  return [
    'code',
    'facility',
    'space',
    'space_type',
    inZone('start'),
    inZone('end'),
    ...(zone ? [] : ['time_zone']),
    'status',
    'vehicle_plate',
    currency ? `amount (${currency})` : 'amount',
    ...(currency ? [] : ['currency']),
    inZone('created'),
  ];
}

export function bookingCsvRow(row: OperatorBookingDbRow, scope: BookingCsvScope): (string | number)[] {
  const zone = row.facilityTimeZone;
  const local = (date: Date) => localDateTime(date, zone);
  return [
    row.code,
    row.facilityName,
    row.spaceLabel,
    row.spaceType,
    local(row.start),
    local(row.end),
    ...(single(scope.timeZones) ? [] : [zone]),
    row.status,
    row.vehiclePlate,
    minorUnitsToDecimal(row.amountCents, row.currency),
    ...(single(scope.currencies) ? [] : [row.currency]),
    local(row.createdAt),
  ];
}

export function localDateTime(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(new Date(date), { zone: timeZone }).toFormat(LOCAL_FORMAT);
}

/**
 * Minor units as a plain decimal in the currency's own precision (1250 EUR → "12.50", 500 JPY →
 * "500"): digits and a dot only, no grouping or symbol, so every spreadsheet locale reads a number.
 * Integer arithmetic on the digits, never a float division.
 */
export function minorUnitsToDecimal(minorUnits: number, currency: string): string {
  const digits = fractionDigitsOf(currency);
  const sign = minorUnits < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minorUnits))).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

function fractionDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function single(values: string[]): string | undefined {
  return values.length === 1 ? values[0] : undefined;
}
