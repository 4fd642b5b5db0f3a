import type { AuditAction } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { useAudit } from '../api/system-status';

const ACTION_NAMES: Record<AuditAction, string> = {
  'retry-failed-emails': 'Retry failed emails',
  'release-lapsed-holds': 'Release lapsed holds',
  'lift-harvest-block': 'Lift a harvesting block',
  'reload-canaries': 'Reload canary facilities',
  'recompute-rollups': 'Recompute analytics rollups',
  'send-test-email': 'Send a test email',
  'export-diagnostics': 'Export diagnostics',
  'account-created': 'Account created',
  'account-disabled': 'Account disabled',
  'account-enabled': 'Account enabled',
  'invitation-resent': 'Invitation sent again',
};

/** Who did what, when, to what, and how it went: every admin action, newest first. */
export function AuditList() {
  const audit = useAudit();
  return (
    <section className="panel" aria-labelledby="audit-title" data-testid="card-audit">
      <h2 id="audit-title">Audit log</h2>
      {audit.isPending && <LoadingState label="Loading the audit log…" />}
      {audit.isError && <ErrorState message={describeError(audit.error)} onRetry={() => void audit.refetch()} />}
      {audit.data && audit.data.items.length === 0 && (
        <EmptyState title="No admin actions yet">
          <p>Quick actions and account changes are listed here with who did them and how they went.</p>
        </EmptyState>
      )}
      {audit.data && audit.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="table audit" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-action={entry.action} data-outcome={entry.outcome}>
                  <td>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString('en-GB')}</time>
                  </td>
                  <td>{entry.actor ? entry.actor.name || entry.actor.email : 'System'}</td>
                  <td>{ACTION_NAMES[entry.action] ?? entry.action}</td>
                  <td>{entry.target ?? '—'}</td>
                  <td>
                    <span className={`tag tag--${entry.outcome}`}>{entry.outcome === 'succeeded' ? '✓ Succeeded' : '✕ Failed'}</span>{' '}
                    <span className="audit__message">{entry.message}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.data && audit.data.total > audit.data.items.length && (
        <p className="field__hint">
          The {audit.data.items.length} latest of {audit.data.total}.
        </p>
      )}
    </section>
  );
}
