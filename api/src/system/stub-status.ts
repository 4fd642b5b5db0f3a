/** nginx's stub_status page, read (see https://nginx.org/en/docs/http/ngx_http_stub_status_module.html). */
export interface StubStatus {
  activeConnections: number;
  accepts: number;
  handled: number;
  requests: number;
  reading: number;
  writing: number;
  waiting: number;
}

/**
 * Parses the module's fixed text:
 * ```
 * Active connections: 291
 * server accepts handled requests
 *  16630948 16630948 31070465
 * Reading: 6 Writing: 179 Waiting: 106
 * ```
 * Anything else (an HTML error page, a proxy's answer) is `undefined`.
 */
export function parseStubStatus(text: string): StubStatus | undefined {
  const active = /Active connections:\s*(\d+)/.exec(text);
  const counters = /server accepts handled requests\s*\n\s*(\d+)\s+(\d+)\s+(\d+)/.exec(text);
  const states = /Reading:\s*(\d+)\s+Writing:\s*(\d+)\s+Waiting:\s*(\d+)/.exec(text);
  if (!active || !counters || !states) return undefined;
  const n = (s: string | undefined) => Number(s);
  return {
    activeConnections: n(active[1]),
    accepts: n(counters[1]),
    handled: n(counters[2]),
    requests: n(counters[3]),
    reading: n(states[1]),
    writing: n(states[2]),
    waiting: n(states[3]),
  };
}

/**
 * Requests per minute between two samples of the request counter; null without an earlier
 * sample, when they are too close to tell, or when the counter went back (nginx restarted).
 */
export function ratePerMinute(previous: { value: number; at: number } | undefined, current: { value: number; at: number }): number | null {
  if (!previous) return null;
  const elapsedMs = current.at - previous.at;
  if (elapsedMs < 500 || current.value < previous.value) return null;
  return Math.round(((current.value - previous.value) * 60_000) / elapsedMs);
}
