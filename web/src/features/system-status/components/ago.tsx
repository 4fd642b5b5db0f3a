import { useNow } from '../../../components/use-now';
import { formatAgo } from '../api/format';

/** "2 s ago", ticking every second; the exact time on hover. */
export function Ago({ at, testId }: { at: string | number | null; testId?: string }) {
  const now = useNow(1000);
  if (at === null) return <span data-testid={testId}>never</span>;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString('en-GB')} data-testid={testId}>
      {formatAgo(at, now)}
    </time>
  );
}
