import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/index.js';
import { ERROR_TYPES, ErrorLog } from '../common/errors/index.js';
import { PermanentDeliveryError, type OutboxHandler } from './outbox-handler.js';
import { OutboxRepository, type ClaimedMessage } from './outbox.repository.js';
import { retryDelayMs, type RetryPolicy } from './retry-backoff.js';

/** Longest error text kept on a row: enough for an SMTP reply, not a whole stack. */
const MAX_ERROR_LENGTH = 1000;

/**
 * Delivers outbox messages. Each API instance runs one; they share the table safely (see
 * `OutboxRepository.claimDue`). It wakes every OUTBOX_POLL_INTERVAL_MS, or at once when `trigger()`
 * is called, and keeps claiming while there is a full batch waiting.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler>();
  /** Names this process in `outbox.claimed_by`, so a stuck row says who took it. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly retryPolicy: RetryPolicy;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
    private readonly errorLog: ErrorLog,
  ) {
    this.retryPolicy = { baseMs: config.values.outboxRetryBaseMs, maxMs: config.values.outboxRetryMaxMs };
  }

  register(handler: OutboxHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`Two outbox handlers for kind "${handler.kind}"`);
    this.handlers.set(handler.kind, handler);
  }

  // After bootstrap: every module has registered its handlers by then.
  onApplicationBootstrap(): void {
    if (!this.config.values.outboxWorkerEnabled) return;
    this.stopped = false;
    this.trigger();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // Let messages in flight finish and record their outcome rather than wait out a lease.
    await this.pass;
  }

  /** Looks for due messages now instead of at the next interval (e.g. right after enqueueing). */
  trigger(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.pass = this.runPasses().finally(() => {
      this.pass = undefined;
      this.scheduleNext();
    });
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.trigger(), this.config.values.outboxPollIntervalMs);
    this.timer.unref();
  }

  private async runPasses(): Promise<void> {
    const { outboxBatchSize: limit, outboxLeaseMs: leaseMs, outboxMaxAttempts: maxAttempts } = this.config.values;
    try {
      for (;;) {
        this.wakeRequested = false;
        const abandoned = await this.outbox.failAbandoned(maxAttempts);
        if (abandoned) this.logger.warn(`${abandoned} message(s) failed: their last attempt never reported back`);
        for (let i = 0; i < abandoned; i++) {
          this.errorLog.record({
            service: 'Email',
            type: ERROR_TYPES.deliveryFailed,
            message: 'Last attempt never reported back',
            requestId: null,
            critical: true,
          });
        }
        const claimed = await this.outbox.claimDue({ workerId: this.workerId, limit, leaseMs, maxAttempts });
        await Promise.all(claimed.map((message) => this.deliver(message, maxAttempts)));
        if (this.stopped || (claimed.length < limit && !this.wakeRequested)) return;
      }
    } catch (error) {
      // The database may be briefly away; the next interval tries again.
      this.logger.error(`Outbox pass failed: ${describe(error)}`);
    }
  }

  private async deliver(message: ClaimedMessage, maxAttempts: number): Promise<void> {
    const handler = this.handlers.get(message.kind);
    try {
      // A missing handler is retried, not failed: during a rolling deploy a newer instance may know the kind.
      if (!handler) throw new Error(`No handler for outbox kind "${message.kind}" in this instance`);
      await handler.handle(message);
    } catch (error) {
      await this.recordFailure(message, error, maxAttempts);
      return;
    }
    const recorded = await this.outbox.markSent(message.id, message.claimToken);
    if (!recorded) this.logger.warn(`Outbox message ${message.id} was delivered after its lease ran out; another worker may deliver it again`);
  }

  private async recordFailure(message: ClaimedMessage, error: unknown, maxAttempts: number): Promise<void> {
    const reason = describe(error).slice(0, MAX_ERROR_LENGTH);
    const permanent = error instanceof PermanentDeliveryError;
    if (permanent || message.attempts >= maxAttempts) {
      await this.outbox.markFailed(message.id, message.claimToken, reason);
      this.logger.error(`Outbox message ${message.id} (${message.kind}) failed after ${message.attempts} attempt(s): ${reason}`);
      this.errorLog.record({ service: 'Email', type: ERROR_TYPES.deliveryFailed, message: `${message.kind}: ${reason}`, requestId: null, critical: true });
      return;
    }
    const delayMs = retryDelayMs(message.attempts, this.retryPolicy);
    await this.outbox.scheduleRetry(message.id, message.claimToken, delayMs, reason);
    this.logger.warn(`Outbox message ${message.id} (${message.kind}) attempt ${message.attempts} failed, retrying in ${delayMs} ms: ${reason}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
