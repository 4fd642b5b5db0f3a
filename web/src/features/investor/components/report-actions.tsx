import { useState } from 'react';
import type { MetricsPeriod, ReportFormat, ReportType, UserView } from '@aiparksit/shared';
import { describeError } from '../../../lib/api-error';
import { describeExportError, progressText } from '../api/export-status';
import { shownPeriodQuery } from '../api/metrics-selection';
import { browserTimeZone, downloadReport, useEmailReport, useReportSubscriptions, useToggleSubscription } from '../api/reports';

export const REPORT_TYPE_LABELS: Record<ReportType, string> = {
  'platform-overview': 'platform overview',
  revenue: 'revenue',
  growth: 'growth',
  market: 'market',
};

type DownloadState =
  { phase: 'idle' } | { phase: 'working'; format: ReportFormat; text: string } | { phase: 'done'; text: string } | { phase: 'error'; text: string };

/** Download PDF / CSV, "Email me this report" and the monthly subscription of this page's report. */
export function ReportActions({ type, period, user }: { type: ReportType; period: MetricsPeriod | undefined; user: UserView }) {
  // The report of exactly the days shown, as the API worked them out (a preset's days are the platform's).
  const query = period && shownPeriodQuery(period);
  const [download, setDownload] = useState<DownloadState>({ phase: 'idle' });
  const email = useEmailReport();
  const subscriptions = useReportSubscriptions();
  const toggle = useToggleSubscription();
  const subscription = subscriptions.data?.find((each) => each.type === type);
  const busy = download.phase === 'working';

  const start = async (format: ReportFormat) => {
    if (!query) return;
    setDownload({ phase: 'working', format, text: progressText(format, 0, null) });
    try {
      const name = await downloadReport(type, query, format, (received, total) =>
        setDownload({ phase: 'working', format, text: progressText(format, received, total) }),
      );
      setDownload({ phase: 'done', text: `Saved ${name}.` });
    } catch (error) {
      setDownload({ phase: 'error', text: describeExportError(error) });
    }
  };

  return (
    <section className="panel report-actions" aria-labelledby="report-actions-title" data-testid="report-actions">
      <h2 id="report-actions-title" className="report-actions__title">
        Report: {REPORT_TYPE_LABELS[type]}
      </h2>
      <div className="report-actions__buttons">
        <button type="button" className="button button--primary" disabled={busy || !query} onClick={() => void start('pdf')}>
          {busy && download.format === 'pdf' ? 'Preparing PDF…' : 'Download PDF'}
        </button>
        <button type="button" className="button button--secondary" disabled={busy || !query} onClick={() => void start('csv')}>
          {busy && download.format === 'csv' ? 'Preparing CSV…' : 'Download CSV'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={email.isPending || !query}
          onClick={() => query && email.mutate({ userId: user.id, type, query })}
        >
          {email.isPending ? 'Sending…' : 'Email me this report'}
        </button>
      </div>
      <div className="report-actions__status" role="status" aria-live="polite" data-testid="report-status">
        {download.phase === 'working' && (
          <span className="report-actions__progress">
            <span className="spinner" aria-hidden="true" /> {download.text}
          </span>
        )}
        {download.phase === 'done' && <span className="report-actions__ok">{download.text}</span>}
        {email.isSuccess && (
          <span className="report-actions__ok">
            The {REPORT_TYPE_LABELS[type]} report is on its way to {user.email}.
          </span>
        )}
      </div>
      {(download.phase === 'error' || email.isError) && (
        <p className="report-actions__error" role="alert">
          {download.phase === 'error' ? download.text : describeExportError(email.error)}
        </p>
      )}
      <label className="check report-actions__subscription">
        <input
          type="checkbox"
          name="monthly"
          checked={Boolean(subscription)}
          disabled={subscriptions.isPending || subscriptions.isError || toggle.isPending}
          onChange={() => toggle.mutate({ type, subscription })}
        />
        <span>
          Email me the {REPORT_TYPE_LABELS[type]} report every month
          <span className="field__hint">
            {' '}
            — on the 1st, for the month before, in {subscription?.timeZone ?? browserTimeZone()}
            {subscription ? ` (next: ${new Date(subscription.nextSendAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })})` : ''}
          </span>
        </span>
      </label>
      {(toggle.isError || subscriptions.isError) && (
        <p className="report-actions__error" role="alert">
          {describeError(toggle.error ?? subscriptions.error)}
        </p>
      )}
    </section>
  );
}
