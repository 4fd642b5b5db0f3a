import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from './outbox-handler.js';
import { OutboxRepository, type EnqueuedMessage } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

/** What other modules use: enqueue side effects, register the handler of a kind, wake the worker. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly worker: OutboxWorker,
  ) {}

  /**
   * Writes a message. Inside a transaction, pass its manager: the message then exists exactly
   * when the change it reports commits. Call `trigger()` after the commit to send it at once.
   */
  enqueue(kind: string, payload: unknown, manager?: EntityManager): Promise<EnqueuedMessage> {
    return this.outbox.enqueue(kind, payload, manager);
  }

  /** Queues every failed message again with its attempts reset, and wakes the worker; answers their ids. */
  async retryFailed(): Promise<string[]> {
    const ids = await this.outbox.requeueFailed();
    if (ids.length) this.worker.trigger();
    return ids;
  }

  trigger(): void {
    this.worker.trigger();
  }

  registerHandler(handler: OutboxHandler): void {
    this.worker.register(handler);
  }
}
