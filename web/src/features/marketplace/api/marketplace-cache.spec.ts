import { describe, expect, it } from '@jest/globals';
import type { InfiniteData } from '@tanstack/react-query';
import type { AvailabilityChangedEvent, MarketplacePage, MarketplaceResult } from '@aiparksit/shared';
import { marketplaceUpdate } from './marketplace-cache';

function changed(overrides: Partial<AvailabilityChangedEvent> = {}): AvailabilityChangedEvent {
  return {
    facilityId: 'f2',
    spaceType: 'standard',
    period: { start: '2026-03-01T10:00:00Z', end: '2026-03-01T12:00:00Z' },
    availableNow: 1,
    capacity: 3,
    level: 'few',
    ...overrides,
  };
}

function result(id: string, available: number | null = 3): MarketplaceResult {
  return {
    facility: { id } as MarketplaceResult['facility'],
    distanceMeters: null,
    quote: null,
    availability: { spaceType: 'standard', level: 'few', available, capacity: available === null ? null : 3 },
  };
}

function pages(fidelity: MarketplacePage['fidelity'] = 'full'): InfiniteData<MarketplacePage, unknown> {
  const available = fidelity === 'full' ? 3 : null;
  return {
    pages: [
      { results: [result('f1', available)], nextCursor: 'c1', fidelity },
      { results: [result('f2', available), result('f3', available)], nextCursor: null, fidelity },
    ],
    pageParams: [null, 'c1'],
  };
}

const NOW_SEARCH = { city: 'Berlin' };
const WINDOW_SEARCH = { city: 'Berlin', start: '2026-03-01T11:00:00Z', end: '2026-03-01T13:00:00Z' };

describe('marketplaceUpdate', () => {
  it('writes the new free count into a search for now, on whichever page the facility is', () => {
    const update = marketplaceUpdate(pages(), NOW_SEARCH, changed());
    expect(update.kind).toBe('set');
    const data = (update as { data: InfiniteData<MarketplacePage, unknown> }).data;
    expect(data.pages[1]!.results.map((r) => r.availability)).toEqual([
      { spaceType: 'standard', level: 'few', available: 1, capacity: 3 },
      { spaceType: 'standard', level: 'few', available: 3, capacity: 3 },
    ]);
    expect(data.pages[0]).toEqual(pages().pages[0]);
    expect(data.pageParams).toEqual([null, 'c1']);
  });

  it('writes the level only into a list shown at coarse fidelity', () => {
    const update = marketplaceUpdate(pages('coarse'), NOW_SEARCH, changed({ level: 'none', availableNow: null, capacity: null }));
    const data = (update as { data: InfiniteData<MarketplacePage, unknown> }).data;
    expect(data.pages[1]!.results[0]!.availability).toEqual({ spaceType: 'standard', level: 'none', available: null, capacity: null });
  });

  it('refetches an exact list when the event has no numbers', () => {
    expect(marketplaceUpdate(pages(), NOW_SEARCH, changed({ availableNow: null, capacity: null }))).toEqual({ kind: 'refetch' });
  });

  it('refetches a search with a window the changed bookings touch', () => {
    expect(marketplaceUpdate(pages(), WINDOW_SEARCH, changed())).toEqual({ kind: 'refetch' });
  });

  it('leaves a search with a window the changed bookings miss', () => {
    const tomorrow = changed({ period: { start: '2026-03-02T10:00:00Z', end: '2026-03-02T12:00:00Z' } });
    expect(marketplaceUpdate(pages(), WINDOW_SEARCH, tomorrow)).toEqual({ kind: 'unchanged' });
  });

  it('leaves searches that do not show the facility or ask for another space type', () => {
    expect(marketplaceUpdate(pages(), NOW_SEARCH, changed({ facilityId: 'f9' }))).toEqual({ kind: 'unchanged' });
    expect(marketplaceUpdate(pages(), { ...NOW_SEARCH, spaceType: 'ev' }, changed())).toEqual({ kind: 'unchanged' });
    expect(marketplaceUpdate(undefined, NOW_SEARCH, changed())).toEqual({ kind: 'unchanged' });
  });

  it('refetches when spaces or publication changed, or the list is ordered by free spaces', () => {
    expect(marketplaceUpdate(pages(), NOW_SEARCH, changed({ period: null }))).toEqual({ kind: 'refetch' });
    expect(marketplaceUpdate(pages(), { ...NOW_SEARCH, sort: 'availability' }, changed())).toEqual({ kind: 'refetch' });
  });
});
