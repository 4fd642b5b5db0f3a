import type { ConnectionState } from '@aiparksit/shared';
import { useConnectionState } from '../../lib/socket';

const LABELS: Record<ConnectionState, { text: string; title: string }> = {
  live: { text: 'Live', title: 'Live updates are on.' },
  connecting: { text: 'Connecting', title: 'Connecting to live updates…' },
  reconnecting: { text: 'Reconnecting', title: 'Live updates were interrupted; reconnecting every few seconds.' },
  offline: { text: 'Offline', title: 'Live updates are off.' },
};

/** Small and quiet: it changes often while reconnecting, so it is not a live region. */
export function ConnectionBadge() {
  const state = useConnectionState();
  const { text, title } = LABELS[state];
  return (
    <span className={`connection connection--${state}`} title={title} data-connection-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">
        <span className="visually-hidden">Live updates: </span>
        {text}
      </span>
    </span>
  );
}
