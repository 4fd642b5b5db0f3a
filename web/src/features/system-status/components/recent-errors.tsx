import { useState } from 'react';
import { ERROR_SERVICES, type ErrorService, type SystemErrorEvent, type SystemErrorsPage } from '@aiparksit/shared';
import { ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { blockedClientIn, formatCount } from '../api/format';

export interface RecentErrorsProps {
  errors: SystemErrorsPage | undefined;
  error: unknown;
  pending: boolean;
  onRetry: () => void;
  /** The latest error the live feed announced, shown above the table until the next one. */
  latest: { event: SystemErrorEvent; receivedAt: number } | null;
  /** Critical groups in the last 24 h, from the status snapshot (the table may be filtered). */
  criticalCount: number | null;
  /** Opens the "lift a harvesting block" action for the client a block row names. */
  onLiftBlock: (client: string) => void;
}

/** The seed's "07:15:23" for today; an earlier day (the window is 24 h) also names the day. */
function timeOf(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}

/** The seed's table: time, service, type, message, count, one row per fingerprint, newest first. */
export function RecentErrors({ errors, error, pending, onRetry, latest, criticalCount, onLiftBlock }: RecentErrorsProps) {
  const [service, setService] = useState<ErrorService | 'all'>('all');
  const items = errors?.items ?? [];
  const shown = service === 'all' ? items : items.filter((item) => item.service === service);
  // The snapshot counts every group but may be a few seconds older than the list the feed just refreshed.
  const critical = Math.max(criticalCount ?? 0, items.filter((item) => item.critical).length);
  return (
    <section className="panel" aria-labelledby="errors-title" data-testid="card-errors">
      <div className="panel__head">
        <h2 id="errors-title">
          <span aria-hidden="true">⚠️ </span>Recent errors (last 24 hours)
        </h2>
        <label className="errors__filter">
          <span>Service</span>
          <select value={service} onChange={(event) => setService(event.target.value as ErrorService | 'all')} data-testid="errors-filter">
            <option value="all">All services</option>
            {ERROR_SERVICES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="status" aria-live="polite" className="errors__live">
        {latest && (
          <p className={`notice errors__latest${latest.event.critical ? ' errors__latest--critical' : ''}`} data-testid="errors-latest">
            Just now: {latest.event.service} · {latest.event.type} — {latest.event.message}
            {latest.event.count > 1 ? ` (${formatCount(latest.event.count)} times)` : ''}
          </p>
        )}
      </div>
      {pending && <LoadingState label="Loading recent errors…" />}
      {error !== null && !errors && <ErrorState message={describeError(error)} onRetry={onRetry} />}
      {errors && (
        <div className="table-scroll">
          <table className="table errors" data-testid="errors-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Service</th>
                <th scope="col">Error type</th>
                <th scope="col">Message</th>
                <th scope="col">Count</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr
                  key={item.fingerprint}
                  className={`errors__row${item.critical ? ' errors__row--critical' : ''}${latest?.event.fingerprint === item.fingerprint ? ' errors__row--new' : ''}`}
                  data-testid="error-row"
                  data-fingerprint={item.fingerprint}
                  data-service={item.service}
                >
                  <td>
                    <time dateTime={item.lastAt} title={new Date(item.lastAt).toLocaleString('en-GB')}>
                      {timeOf(item.lastAt)}
                    </time>
                  </td>
                  <td>{item.service}</td>
                  <td>
                    {item.type}
                    {item.critical && <span className="tag tag--critical">Critical</span>}
                  </td>
                  <td className="errors__message">
                    <span data-testid="error-message">{item.message}</span>
                    {item.lastRequestId && <RequestId id={item.lastRequestId} />}
                    {item.type === 'Harvesting block' && blockedClientIn(item.message) && (
                      <button
                        type="button"
                        className="button button--ghost button--small errors__lift"
                        onClick={() => onLiftBlock(blockedClientIn(item.message)!)}
                      >
                        Lift this block…
                      </button>
                    )}
                  </td>
                  <td data-testid="error-count">{formatCount(item.count)}</td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={5} className="errors__none">
                    {service === 'all' ? 'Nothing went wrong in the last 24 hours.' : `Nothing from ${service} in the last 24 hours.`}
                  </td>
                </tr>
              )}
              {critical === 0 && (
                <tr>
                  <td colSpan={5} className="errors__ok" data-testid="no-critical-errors">
                    ✓ No critical errors in last 24 hours
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {errors && errors.totalGroups > items.length && (
        <p className="field__hint">
          Showing the {items.length} newest of {formatCount(errors.totalGroups)} kinds of error.
        </p>
      )}
    </section>
  );
}

/** The request id of the latest occurrence, to find it in the logs; copied with one click. */
function RequestId({ id }: { id: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    // Clipboard needs a secure context (https or localhost); the id stays selectable otherwise.
    if (!navigator.clipboard) {
      setCopied('failed');
      return;
    }
    navigator.clipboard.writeText(id).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <span className="request-id">
      Request <code data-testid="error-request-id">{id}</code>
      <button type="button" className="button button--ghost button--small" onClick={copy} aria-label={`Copy request id ${id}`}>
        {copied === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {copied === 'failed' && <span className="field__hint"> select it to copy</span>}
    </span>
  );
}
