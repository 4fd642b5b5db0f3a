import { DateTime } from 'luxon';
import type { MetricsComparison, ReportType } from '@aiparksit/shared';
import { EMAIL_LOCALE } from './formatting.js';
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

export interface InvestorReportEmailData {
  recipientName: string;
  report: { type: ReportType; from: string; to: string; comparison: MetricsComparison };
  /** The rendered PDF. */
  pdf: EmailAttachment;
  /** A monthly subscription's email says so, and where to stop it. */
  monthly: boolean;
  portalUrl: string;
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
  const text = [
    `Hello ${data.recipientName},`,
    '',
    intro,
    '',
    `The report is the attached PDF, ${data.pdf.filename}.`,
    '',
    footer,
    data.portalUrl,
    '',
    'AIParksit',
  ].join('\n');
  const body = html`<p>Hello ${data.recipientName},</p>
<p>${intro}</p>
<p>The report is the attached PDF, <strong>${data.pdf.filename}</strong>.</p>
<p style="color:#52606d;font-size:13px;">${footer} <a href="${data.portalUrl}">${data.portalUrl}</a></p>`;
  return { subject, text, html: emailLayout(subject, body), inlineImages: [], attachments: [data.pdf] };
}
