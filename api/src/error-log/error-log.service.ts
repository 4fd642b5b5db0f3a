import { Injectable } from '@nestjs/common';
import type { SlowStatement, SystemErrorsPage } from '@aiparksit/shared';
import { ErrorLogFlusher } from './error-log-flusher.js';
import { ErrorLogRepository, type ErrorGroupFilter } from './error-log.repository.js';

/** The recent errors as the status page reads them, from the tables all instances share. */
@Injectable()
export class SystemErrorsService {
  constructor(
    private readonly repository: ErrorLogRepository,
    private readonly flusher: ErrorLogFlusher,
  ) {}

  async list(filter: ErrorGroupFilter): Promise<SystemErrorsPage> {
    const { items, totalGroups, since } = await this.repository.list(filter);
    return { since: new Date(since).toISOString(), items, totalGroups };
  }

  /** Critical groups with occurrences in the last `hours` (SystemStatus.criticalErrors24h). */
  countCritical(hours = 24): Promise<number> {
    return this.repository.countCritical(hours);
  }

  /** Slow statements this API measured (SLOW_QUERY_MS), slowest mean first: the fallback without pg_stat_statements. */
  slowStatements(hours = 1, limit = 10): Promise<SlowStatement[]> {
    return this.repository.slowStatements(hours, limit);
  }

  /** Writes this instance's pending counts now (tests and diagnostics want them without waiting). */
  flush(): Promise<void> {
    return this.flusher.flush();
  }
}
