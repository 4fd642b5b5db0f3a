import { useNow } from '../../components/use-now';
import { formatCountdown } from '../../lib/time-window';

/** Time left on a held space; announced once a minute, not every second. */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const now = useNow(1000);
  const remaining = Date.parse(expiresAt) - now;
  if (remaining <= 0)
    return (
      <p className="hold hold--expired" role="alert">
        Your hold has lapsed. The space may be booked by someone else.
      </p>
    );
  return (
    <p className="hold">
      Space held for you for <strong className="hold__time">{formatCountdown(remaining)}</strong>
      <span className="visually-hidden" aria-live="polite">
        {Math.ceil(remaining / 60_000)} minutes left to pay
      </span>
    </p>
  );
}
