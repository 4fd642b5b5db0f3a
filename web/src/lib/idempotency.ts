import { ApiError } from './api-error';

/**
 * Idempotency keys for one form's submissions. A retry of the same submission (same body, no
 * definitive answer yet: network failure or 5xx) reuses its key, so the server answers it once
 * and never books or charges twice. Any definitive answer (success or 4xx, a decline included)
 * ends the attempt: the next submit is a new attempt with a new key, even with the same body —
 * otherwise a retried decline would only replay the stored 402.
 */
export class IdempotencyKeys {
  private attempt: { fingerprint: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body);
    if (this.attempt?.fingerprint !== fingerprint) this.attempt = { fingerprint, key: this.newKey() };
    return this.attempt.key;
  }

  /** Call when the request settles; `error` is what it failed with, if it did. */
  settle(error?: unknown): void {
    if (error === undefined || error === null || isDefinitive(error)) this.attempt = null;
  }
}

function isDefinitive(error: unknown): boolean {
  return error instanceof ApiError && error.status < 500;
}
