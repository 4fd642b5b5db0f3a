import { Injectable } from '@nestjs/common';
import type { NginxCard } from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { countNginxWorkers } from './nginx-workers.js';
import { parseStubStatus } from './stub-status.js';
import { STATUS_QUERY_TIMEOUT_MS } from './postgres-probe.js';

/** Requests per minute come from the oldest sample within this window and the newest. */
const RATE_WINDOW_MS = 60_000;
/** Counting workers walks /proc: done at most this often. */
const WORKERS_TTL_MS = 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The nginx card, from stub_status at NGINX_STATUS_URL (nginx.conf serves it to local callers
 * only). stub_status gives connections and counters but neither uptime nor workers: workers
 * come from NGINX_WORKERS, else from /proc when nginx runs on this host, else stay unknown.
 */
@Injectable()
export class NginxProbe {
  private readonly url: string | undefined;
  private samples: { value: number; at: number }[] = [];
  private workers: { count: number | null; at: number } | undefined;

  constructor(private readonly config: AppConfig) {
    this.url = config.values.nginxStatusUrl;
  }

  async card(): Promise<NginxCard> {
    const empty = { workers: null, activeConnections: null, reading: null, writing: null, waiting: null, requestsPerMinute: null, totalRequests: null };
    if (!this.url) {
      return { state: 'running', reason: 'Not behind nginx (NGINX_STATUS_URL unset).', uptimeSeconds: null, configured: false, statusUrl: null, ...empty };
    }
    const base = { uptimeSeconds: null, configured: true, statusUrl: this.url };
    let text: string;
    try {
      const response = await fetch(this.url, { signal: AbortSignal.timeout(STATUS_QUERY_TIMEOUT_MS), headers: { accept: 'text/plain' } });
      text = await response.text();
      if (!response.ok)
        return { ...base, ...empty, state: 'degraded', reason: `${this.url} answered HTTP ${response.status}: is stub_status allowed for this host?` };
    } catch (error) {
      this.samples = [];
      return { ...base, ...empty, state: 'down', reason: `nginx does not answer at ${this.url}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const status = parseStubStatus(text);
    if (!status) return { ...base, ...empty, state: 'degraded', reason: `${this.url} does not look like nginx's stub_status page.` };

    const now = Date.now();
    // A counter that went back means nginx restarted: earlier samples no longer compare.
    if (this.samples.length && this.samples[this.samples.length - 1]!.value > status.requests) this.samples = [];
    this.samples.push({ value: status.requests, at: now });
    this.samples = this.samples.filter((s) => now - s.at <= RATE_WINDOW_MS);
    const oldest = this.samples[0]!;
    // Our own request for the page is one of the counted ones: left out.
    const elapsed = now - oldest.at;
    const requestsPerMinute =
      elapsed >= 1000 ? Math.max(0, Math.round(((status.requests - oldest.value - (this.samples.length - 1)) * 60_000) / elapsed)) : null;

    return {
      ...base,
      state: 'running',
      reason: null,
      workers: await this.workerCount(),
      activeConnections: status.activeConnections,
      reading: status.reading,
      writing: status.writing,
      waiting: status.waiting,
      requestsPerMinute,
      totalRequests: status.requests,
    };
  }

  private async workerCount(): Promise<number | null> {
    if (this.config.values.nginxWorkers !== undefined) return this.config.values.nginxWorkers;
    const url = new URL(this.url!);
    if (!LOOPBACK.has(url.hostname)) return null;
    const now = Date.now();
    if (this.workers && now - this.workers.at < WORKERS_TTL_MS) return this.workers.count;
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const count = await countNginxWorkers(port).catch(() => null);
    this.workers = { count, at: now };
    return count;
  }
}
