/** One claimed outbox row, as a handler sees it. */
export interface OutboxMessage {
  id: string;
  kind: string;
  payload: unknown;
  /** Including the attempt in progress. */
  attempts: number;
  createdAt: Date;
}

/**
 * Delivers the messages of one `kind`. A handler may run more than once for one message (a worker
 * that dies after sending but before recording it), so what it does should be safe to repeat or
 * carry something the receiver can de-duplicate on (emails carry a stable Message-ID).
 */
export interface OutboxHandler {
  readonly kind: string;
  handle(message: OutboxMessage): Promise<void>;
}

/** Thrown by a handler when retrying cannot help (the booking is gone, the address is refused). */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}
