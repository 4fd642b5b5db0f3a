/**
 * How reports write numbers: British English, the way the SPA and the emails do. The PDF uses
 * these, and the tests read the PDF's text through them, so a figure is written one way only.
 */
import type { MetricFigure, MetricUnit } from '@aiparksit/shared';

const EMPTY = '—';
const minorDigitsCache = new Map<string, number>();
const moneyFormatCache = new Map<string, Intl.NumberFormat>();

/** ISO 4217 minor units of a currency (2 for EUR, 0 for JPY), as Intl knows them. */
export function minorDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormatCache.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'symbol' });
    moneyFormatCache.set(currency, format);
  }
  return format;
}

const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToTwoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** `€1,234.56` from 123456 minor units; `CHF 12.00`; `¥1,200`. */
export function formatMoney(minorUnits: number | null | undefined, currency: string): string {
  if (minorUnits === null || minorUnits === undefined) return EMPTY;
  // A plain space after a currency code (Intl puts a no-break space): text extracted from the PDF reads the same.
  return moneyFormat(currency)
    .format(minorUnits / 10 ** minorDigits(currency))
    .replace(/\u00a0/g, ' ');
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : countFormat.format(value);
}

export function formatHours(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : `${oneDecimal.format(value)} h`;
}

/** Percentages arrive as percent (12.5 means 12.5 %). */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : `${oneDecimal.format(value)}%`;
}

export function formatRate(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(value);
}

/** The sign follows what is shown: a change of −0.04 pp reads "0.0 pp", not "−0.0 pp". */
function signed(text: string, value: number): string {
  if (!/[1-9]/.test(text)) return text;
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text;
}

/** A figure's value (or comparison) in its own unit. */
export function formatFigureValue(value: number | null, unit: MetricUnit, currency?: string): string {
  switch (unit) {
    case 'money':
      return formatMoney(value, currency ?? 'EUR');
    case 'hours':
      return formatHours(value);
    case 'percent':
      return formatPercent(value);
    case 'count':
      return value === null || Number.isInteger(value) ? formatCount(value) : upToTwoDecimals.format(value);
  }
}

/** The absolute change with its sign; percentage figures change in percentage points. */
export function formatFigureChange(figure: Pick<MetricFigure, 'change' | 'unit' | 'currency'>): string {
  const { change, unit } = figure;
  if (change === null) return EMPTY;
  if (unit === 'percent') return signed(`${oneDecimal.format(Math.abs(change))} pp`, change);
  return signed(formatFigureValue(Math.abs(change), unit, figure.currency), change);
}

/** The relative change with its sign, or a dash when there was nothing to compare with. */
export function formatChangePercent(changePercent: number | null | undefined): string {
  if (changePercent === null || changePercent === undefined) return EMPTY;
  return signed(formatPercent(Math.abs(changePercent)), changePercent);
}

/** `1 January 2026`. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
}

/** `1 January 2026 – 31 December 2026`. */
export function formatPeriod(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** `7 December 2026 at 04:05 UTC` (en-GB's own wording). */
export function formatGeneratedAt(iso: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(iso));
  return `${text} UTC`;
}
