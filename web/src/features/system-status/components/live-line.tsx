import type { ConnectionState, ServiceState } from '@aiparksit/shared';
import { useNow } from '../../../components/use-now';
import { describeError } from '../../../lib/api-error';
import { formatAgo } from '../api/format';
import { STATUS_POLL_MS } from '../api/system-status';
import { StateBadge } from './state-badge';

const FEED_TEXT: Record<ConnectionState, string> = {
  live: 'Live feed connected',
  connecting: 'Live feed connecting…',
  reconnecting: 'Live feed reconnecting…',
  offline: `Live feed offline: reading every ${STATUS_POLL_MS / 1000} s`,
};

/** Two polls missed (and a little slack) and the figures are called stale even without an error. */
const STALE_AFTER_MS = 2 * STATUS_POLL_MS + 5_000;

export interface LiveLineProps {
  updatedAt: number | null;
  failing: boolean;
  failure: unknown;
  refreshing: boolean;
  feedState: ConnectionState;
  overall: ServiceState | null;
}

/** When the figures were read, whether the feed is live, and a warning once they are stale. */
export function LiveLine({ updatedAt, failing, failure, refreshing, feedState, overall }: LiveLineProps) {
  const now = useNow(1000);
  const stale = updatedAt !== null && (failing || now - updatedAt > STALE_AFTER_MS);
  return (
    <div className="live-line">
      <p className="live-line__text">
        {overall && <StateBadge state={overall} label="Platform" />}
        <span data-testid="status-updated">{updatedAt === null ? 'Not read yet' : `Updated ${formatAgo(updatedAt, now)}`}</span>
        {refreshing && <span className="field__hint"> · refreshing…</span>}
        <span className={`badge live-state live-state--${feedState}`} data-testid="feed-state" data-state={feedState}>
          {FEED_TEXT[feedState]}
        </span>
      </p>
      {stale && (
        <p className="form-alert live-line__stale" role="alert" data-testid="stale-warning">
          The API has not answered since {new Date(updatedAt).toLocaleTimeString('en-GB')}: the figures below are{' '}
          {formatAgo(updatedAt, now).replace(' ago', '')} old. {failing ? describeError(failure) : 'Waiting for the next answer…'}
        </p>
      )}
    </div>
  );
}
