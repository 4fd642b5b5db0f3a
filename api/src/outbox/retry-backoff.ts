export interface RetryPolicy {
  /** Delay before the first retry. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
}

/**
 * How long to wait after failed attempt number `attempt` (1 = the first). Exponential backoff
 * with "equal jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter"): half of the
 * doubling delay is kept so retries really do spread out, the other half is random so that many
 * messages failing together (an SMTP outage) do not all come back in the same second.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 52));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
