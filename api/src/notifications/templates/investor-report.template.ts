import { DateTime } from 'luxon';
import { METRIC_DEFINITIONS, type MetricFigure, type MetricsComparison, type OverviewMetric, type ReportType } from '@aiparksit/shared';
import { EMAIL_LOCALE, formatMoney } from './formatting.js';
import { emailLayout, html } from './html.js';
import type { EmailAttachment, RenderedEmail } from './rendered-email.js';

export const REPORT_TITLES: Record<ReportType, string> = {
  'platform-overview': 'Platform overview',
  revenue: 'Revenue',
  growth: 'Growth',
  market: 'Market analysis',
};

const COMPARISON_PHRASES: Record<MetricsComparison, string> = {
  previous_period: 'the period of the same length just before',
  same_period_last_year: 'the same period last year',
};

/** The headline figures an email repeats from its report, in this order. */
export const SUMMARY_METRICS: OverviewMetric[] = ['gmv', 'netRevenue', 'paidBookings', 'activeDrivers', 'occupancy'];

export interface SummaryLine {
  label: string;
  value: string;
  /** "+12.3 %", "−1.5 points"; null when there is nothing to compare with. */
  change: string | null;
}

const MINUS = '\u2212';

function signed(n: number): string {
  const digits = new Intl.NumberFormat(EMAIL_LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(n));
  return `${n > 0 ? '+' : n < 0 ? MINUS : '±'}${digits}`;
}

/** One figure as the email shows it: money in its currency, percentages with their change in points. */
export function summaryLine(metric: OverviewMetric, figure: MetricFigure): SummaryLine {
  const label = METRIC_DEFINITIONS[metric].label;
  if (figure.value === null) return { label, value: 'n/a', change: null };
  if (figure.unit === 'percent') {
    const value = `${new Intl.NumberFormat(EMAIL_LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(figure.value)} %`;
    return { label, value, change: figure.change === null ? null : `${signed(figure.change)} points` };
  }
  const value =
    figure.unit === 'money' && figure.currency
      ? formatMoney(figure.value, figure.currency)
      : new Intl.NumberFormat(EMAIL_LOCALE, { maximumFractionDigits: 1 }).format(figure.value);
  return { label, value, change: figure.changePercent === null ? null : `${signed(figure.changePercent)} %` };
}

export interface InvestorReportEmailData {
  recipientName: string;
  report: { type: ReportType; from: string; to: string; comparison: MetricsComparison };
  /** The rendered PDF. */
  pdf: EmailAttachment;
  /** A monthly subscription's email says so, and where to stop it. */
  monthly: boolean;
  portalUrl: string;
  /** Headline figures of the period (see `SUMMARY_METRICS`); the PDF has them all. */
  summary: SummaryLine[];
}

/**
 * "November 2026" for a whole calendar month, "1 March 2026 – 31 May 2026" otherwise: the way the
 * report's own cover names its period, so the subject and the file agree.
 */
export function describeReportPeriod(from: string, to: string, locale = EMAIL_LOCALE): string {
  const start = DateTime.fromISO(from, { zone: 'UTC' }).setLocale(locale);
  const end = DateTime.fromISO(to, { zone: 'UTC' }).setLocale(locale);
  if (!start.isValid || !end.isValid) throw new RangeError(`Not a period: ${from}..${to}`);
  const wholeMonth = start.day === 1 && end.hasSame(start, 'month') && end.day === start.daysInMonth;
  if (wholeMonth) return start.toFormat('LLLL yyyy');
  if (from === to) return start.toFormat('d LLLL yyyy');
  return `${start.toFormat('d LLLL yyyy')} – ${end.toFormat('d LLLL yyyy')}`;
}

/** An investor report sent as a PDF attachment: what report, which period, compared with what. */
export function investorReportEmail(data: InvestorReportEmailData): RenderedEmail {
  const title = REPORT_TITLES[data.report.type];
  const period = describeReportPeriod(data.report.from, data.report.to);
  const comparison = COMPARISON_PHRASES[data.report.comparison];
  const subject = data.monthly ? `Your monthly ${title.toLowerCase()} report: ${period}` : `${title} report: ${period}`;
  const intro = `Attached is the AIParksit ${title.toLowerCase()} report for ${period} (${data.report.from} to ${data.report.to}), compared with ${comparison}.`;
  const footer = data.monthly
    ? 'You receive this report on the 1st of every month because you subscribed to it. You can stop it on the investor portal:'
    : 'The figures are also on the investor portal:';
  const heading = `Headline figures (changes against ${comparison}):`;
  const lineText = (line: SummaryLine) => `- ${line.label}: ${line.value}${line.change ? ` (${line.change})` : ''}`;
  const text = [
    `Hello ${data.recipientName},`,
    '',
    intro,
    '',
    ...(data.summary.length ? [heading, ...data.summary.map(lineText), ''] : []),
    `The full report is the attached PDF, ${data.pdf.filename}.`,
    '',
    footer,
    data.portalUrl,
    '',
    'AIParksit',
  ].join('\n');
  const summary = data.summary.length
    ? html`<p>${heading}</p>
<ul>${data.summary.map((line) => html`<li>${line.label}: <strong>${line.value}</strong>${line.change ? ` (${line.change})` : ''}</li>`)}</ul>`
    : '';
  const body = html`<p>Hello ${data.recipientName},</p>
<p>${intro}</p>
${summary}
<p>The full report is the attached PDF, <strong>${data.pdf.filename}</strong>.</p>
<p style="color:#52606d;font-size:13px;">${footer} <a href="${data.portalUrl}">${data.portalUrl}</a></p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [data.pdf] };
}
