import { hostname } from 'node:os';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/index.js';
import { ERROR_TYPES, ErrorLog } from '../common/errors/index.js';
import { ErrorLogRepository } from './error-log.repository.js';

/** Pruning is cheap but need not run with every flush. */
const PRUNE_EVERY_MS = 10 * 60_000;
/** A crashing process waits this long at most for its last errors to reach the table. */
const CRASH_FLUSH_TIMEOUT_MS = 3000;

/**
 * Writes what ErrorLog counted in memory to the shared tables every ERROR_LOG_FLUSH_MS and once
 * more on shutdown; prunes old rows now and then. A failed write (the database away) puts the
 * counts back for the next flush, so an outage delays errors rather than losing them.
 *
 * It also records what would otherwise only reach stderr: an uncaught exception or unhandled
 * rejection is recorded as `Unhandled exception` and flushed before the process ends as Node ends it
 * (the error printed, exit code 1).
 */
@Injectable()
export class ErrorLogFlusher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ErrorLog');
  /** Names this process in `last_instance`: the host and port an admin finds it by, and its pid. */
  readonly instance: string;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastPruneAt = 0;
  private readonly onUncaught = (error: unknown, origin: string) => void this.crash(error, origin);

  constructor(
    private readonly errorLog: ErrorLog,
    private readonly repository: ErrorLogRepository,
    private readonly config: AppConfig,
  ) {
    this.instance = `${hostname()}:${config.values.port} (pid ${process.pid})`;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.values.errorLogFlushMs);
    this.timer.unref();
    process.on('uncaughtException', this.onUncaught);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    process.off('uncaughtException', this.onUncaught);
    await this.flush();
  }

  /** Writes the pending counts now (one write at a time; a call during a write waits for it, then writes). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.write().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  private async write(): Promise<void> {
    const { groups, dropped } = this.errorLog.drain();
    if (dropped) this.logger.warn(`${dropped} error occurrence(s) of new kinds were not kept: too many distinct errors in one flush period`);
    if (groups.length) {
      try {
        await this.repository.add(groups, this.instance);
      } catch (error) {
        this.errorLog.restore(groups);
        this.logger.warn(`Could not store ${groups.length} error group(s), keeping them for the next try: ${describe(error)}`);
        return;
      }
    }
    if (Date.now() - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = Date.now();
      await this.repository
        .prune(this.config.values.errorLogRetentionDays)
        .catch((error: unknown) => this.logger.warn(`Pruning old errors failed: ${describe(error)}`));
    }
  }

  /**
   * Listening to 'uncaughtException' replaces Node's own handling (print, exit 1), so this does the
   * same after recording; unhandled rejections arrive here too (origin 'unhandledRejection') under
   * Node's default `--unhandled-rejections=throw`.
   */
  private async crash(error: unknown, origin: string): Promise<void> {
    process.off('uncaughtException', this.onUncaught);
    const kind = origin === 'unhandledRejection' ? 'Unhandled rejection' : 'Uncaught exception';
    this.errorLog.record({ service: 'API', type: ERROR_TYPES.unhandled, message: `${kind}: ${describe(error)}`, critical: true });
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const timeout = new Promise((resolve) => setTimeout(resolve, CRASH_FLUSH_TIMEOUT_MS).unref());
    await Promise.race([this.flush().catch(() => undefined), timeout]);
    process.exit(1);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
