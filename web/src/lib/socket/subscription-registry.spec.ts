import { describe, expect, it } from '@jest/globals';
import { SubscriptionRegistry } from './subscription-registry';

describe('SubscriptionRegistry', () => {
  it('sends what several components took at once as one subscribe message', () => {
    const registry = new SubscriptionRegistry();
    registry.acquire(['f1', 'f2']);
    registry.acquire(['f2', 'f3']);
    expect(registry.takeChanges()).toEqual([{ type: 'subscribe', facilityIds: ['f1', 'f2', 'f3'] }]);
    expect(registry.takeChanges()).toEqual([]);
  });

  it('unsubscribes a facility only when its last holder lets go', () => {
    const registry = new SubscriptionRegistry();
    registry.acquire(['f1']);
    registry.acquire(['f1']);
    registry.takeChanges();

    registry.release(['f1']);
    expect(registry.hasChanges).toBe(false);
    registry.release(['f1']);
    expect(registry.takeChanges()).toEqual([{ type: 'unsubscribe', facilityIds: ['f1'] }]);
    expect(registry.facilityIds).toEqual([]);
  });

  it('sends nothing for a facility released and taken again before the next message (a re-render)', () => {
    const registry = new SubscriptionRegistry();
    registry.acquire(['f1', 'f2']);
    registry.takeChanges();

    registry.release(['f1', 'f2']);
    registry.acquire(['f2', 'f3']);
    expect(registry.takeChanges()).toEqual([
      { type: 'unsubscribe', facilityIds: ['f1'] },
      { type: 'subscribe', facilityIds: ['f3'] },
    ]);
  });

  it('sends nothing for a facility taken and released before the server heard of it', () => {
    const registry = new SubscriptionRegistry();
    registry.acquire(['f1']);
    registry.release(['f1']);
    expect(registry.takeChanges()).toEqual([]);
  });

  it('counts a facility named twice in one call once', () => {
    const registry = new SubscriptionRegistry();
    registry.acquire(['f1', 'f1']);
    registry.release(['f1']);
    expect(registry.takeChanges()).toEqual([]);
    expect(registry.facilityIds).toEqual([]);
  });

  it('ignores a release of something never taken', () => {
    const registry = new SubscriptionRegistry();
    registry.release(['f1']);
    expect(registry.takeChanges()).toEqual([]);
  });

  it('gives a new socket everything held in one message, whatever was pending', () => {
    const registry = new SubscriptionRegistry();
    registry.acquire(['f1']);
    registry.takeChanges();
    registry.acquire(['f2']);
    registry.release(['f1']);
    expect(registry.takeAll()).toEqual([{ type: 'subscribe', facilityIds: ['f2'] }]);
    expect(registry.takeChanges()).toEqual([]);
  });
});
