import type { MetricFigure, MetricUnit, OverviewMetric } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';

const LOCALE = 'en-GB';

/** Figures where a rise is bad news: the cards colour their change the other way round. */
const LOWER_IS_BETTER: ReadonlySet<OverviewMetric> = new Set(['cancellationRate', 'refundRate']);

/**
 * Figures are written exactly as the reports write them (api/src/reports/report-format.ts,
 * British English): a number on a card is the same text as in the PDF made of it.
 */
export function formatMoneyFigure(amountCents: number, currency: string): string {
  // A plain space after a currency code, as the PDF writes it (Intl puts a no-break space).
  return formatMoney(amountCents, currency, LOCALE).replace(/\u00a0/g, ' ');
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value);
}

const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatHours(value: number): string {
  return `${oneDecimal.format(value)} h`;
}

export function formatPercent(value: number): string {
  return `${oneDecimal.format(value)}%`;
}

/** One value of a figure, as the cards and tables show it; an em dash when there is none. */
export function formatValue(value: number | null, unit: MetricUnit, currency = 'EUR'): string {
  if (value === null) return '—';
  switch (unit) {
    case 'money':
      return formatMoneyFigure(value, currency);
    case 'count':
      return formatCount(value);
    case 'hours':
      return formatHours(value);
    case 'percent':
      return formatPercent(value);
  }
}

export function formatFigure(figure: MetricFigure): string {
  return formatValue(figure.value, figure.unit, figure.currency);
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface ChangeView {
  direction: ChangeDirection;
  tone: ChangeTone;
  /** "+12.3%", "−1.2 pp", "new", or "—". */
  text: string;
  /** For screen readers and tooltips: "up 12.3% on the comparison period". */
  description: string;
}

/** The sign follows what is shown: −0.04 pp reads "0.0 pp", as in the reports. */
const signed = (value: number, text: string) => (!/[1-9]/.test(text) ? text : value > 0 ? `+${text}` : value < 0 ? `−${text}` : text);

/**
 * The change of a figure against its comparison. Percentages change in percentage points;
 * other figures in percent of the comparison value, or "new" when the comparison was zero.
 */
export function describeChange(figure: MetricFigure, metric?: OverviewMetric): ChangeView {
  const number = (value: number) => new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(value));
  let delta: number | null;
  let text: string;
  if (figure.unit === 'percent') {
    delta = figure.change;
    text = delta === null ? '—' : signed(delta, `${number(delta)} pp`);
  } else if (figure.changePercent !== null) {
    delta = figure.changePercent;
    text = signed(delta, `${number(delta)}%`);
  } else if (figure.value !== null && figure.value !== 0 && figure.comparison === 0) {
    delta = 1;
    text = 'new';
  } else {
    delta = figure.change === 0 ? 0 : null;
    text = delta === 0 ? '0.0%' : '—';
  }
  if (delta === null) return { direction: 'none', tone: 'neutral', text, description: 'no comparison available' };
  // Rounded to one decimal, a change that shows as 0.0 is no change.
  const direction: ChangeDirection = text === 'new' || Math.abs(delta) >= 0.05 ? (delta > 0 ? 'up' : 'down') : 'flat';
  const better = metric && LOWER_IS_BETTER.has(metric) ? direction === 'down' : direction === 'up';
  const tone: ChangeTone = direction === 'flat' ? 'neutral' : better ? 'good' : 'bad';
  const words = direction === 'flat' ? 'unchanged' : text === 'new' ? 'new in this period' : `${direction} ${text.replace(/^[+−]/, '')}`;
  return { direction, tone, text, description: `${words} on the comparison period` };
}

/** "1 Nov 2026 – 30 Nov 2026" from local dates. */
export function formatPeriod(from: string, to: string): string {
  const format = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  };
  return `${format(from)} – ${format(to)}`;
}

/** A series bucket (`2026-11-02` or `2026-11-02T00:00…`) as a short axis label for the granularity. */
export function bucketLabel(bucket: string, granularity: 'day' | 'week' | 'month'): string {
  const [y, m, d] = bucket.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  if (granularity === 'month') return new Intl.DateTimeFormat(LOCALE, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
