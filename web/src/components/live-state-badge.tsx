import type { ConnectionState } from '@aiparksit/shared';

const STATE_TEXT: Record<ConnectionState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: refreshes every 30 s',
};

/** Whether a page's figures follow the operator feed right now, or only refresh on a timer. */
export function LiveStateBadge({ state }: { state: ConnectionState }) {
  return (
    <span className={`badge live-state live-state--${state}`} aria-live="polite">
      {STATE_TEXT[state]}
    </span>
  );
}
