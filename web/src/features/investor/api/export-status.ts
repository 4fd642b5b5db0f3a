import type { ReportFormat } from '@aiparksit/shared';
import { ApiError, describeError } from '../../../lib/api-error';

/** What went wrong with an export or an emailed report, in words; a busy renderer says when to try again. */
export function describeExportError(error: unknown): string {
  if (error instanceof ApiError && (error.status === 503 || error.status === 429)) {
    const wait = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : ' Try again in a moment.';
    return `${error.envelope?.message ?? 'The report service is busy.'}${wait}`;
  }
  return describeError(error);
}

/** The download's progress in words: rendering first (nothing arrives), then the bytes. */
export function progressText(format: ReportFormat, received: number, total: number | null): string {
  if (received === 0) return `Preparing the ${format.toUpperCase()}…`;
  if (total) return `Downloading… ${Math.min(100, Math.round((received / total) * 100))} %`;
  return `Downloading… ${Math.max(1, Math.round(received / 1024))} KB`;
}
