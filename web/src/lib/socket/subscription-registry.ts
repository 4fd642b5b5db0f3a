import type { ClientMessage } from '@aiparksit/shared';

type SubscriptionChange = Extract<ClientMessage, { type: 'subscribe' | 'unsubscribe' }>;

/**
 * The facilities every mounted component follows, counted: two components showing one facility
 * hold it twice and the server hears of it once. Changes are collected until `takeChanges()`, so
 * everything that mounts in one render leaves as one subscribe message (the gateway limits
 * messages per second), and a facility released and taken again meanwhile sends nothing.
 */
export class SubscriptionRegistry {
  private readonly holders = new Map<string, number>();
  /** Taken since the server last heard; not yet subscribed there. */
  private readonly toSubscribe = new Set<string>();
  /** Released since the server last heard; still subscribed there. */
  private readonly toUnsubscribe = new Set<string>();

  /** Every facility someone holds, for a fresh socket. */
  get facilityIds(): string[] {
    return [...this.holders.keys()];
  }

  get hasChanges(): boolean {
    return this.toSubscribe.size > 0 || this.toUnsubscribe.size > 0;
  }

  acquire(facilityIds: readonly string[]): void {
    for (const id of new Set(facilityIds)) {
      const count = this.holders.get(id) ?? 0;
      this.holders.set(id, count + 1);
      if (count > 0) continue;
      if (!this.toUnsubscribe.delete(id)) this.toSubscribe.add(id);
    }
  }

  release(facilityIds: readonly string[]): void {
    for (const id of new Set(facilityIds)) {
      const count = this.holders.get(id);
      if (count === undefined) continue;
      if (count > 1) {
        this.holders.set(id, count - 1);
        continue;
      }
      this.holders.delete(id);
      if (!this.toSubscribe.delete(id)) this.toUnsubscribe.add(id);
    }
  }

  /** The messages that bring the server up to date, and forgets the changes. */
  takeChanges(): SubscriptionChange[] {
    const messages: SubscriptionChange[] = [];
    if (this.toUnsubscribe.size) messages.push({ type: 'unsubscribe', facilityIds: [...this.toUnsubscribe] });
    if (this.toSubscribe.size) messages.push({ type: 'subscribe', facilityIds: [...this.toSubscribe] });
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    return messages;
  }

  /** For a new socket, which follows nothing yet: one subscribe with everything held. */
  takeAll(): SubscriptionChange[] {
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    return this.holders.size ? [{ type: 'subscribe', facilityIds: this.facilityIds }] : [];
  }
}
