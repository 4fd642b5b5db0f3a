import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { MarketplacePage, MarketplaceQuery } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/** A search without its cursor: what identifies one list of result pages. */
export type MarketplaceSearch = Omit<MarketplaceQuery, 'cursor'>;

/** GET /api/proxy/marketplace: one page of facilities with distance, quote and availability. */
export function searchMarketplace(query: MarketplaceQuery, signal?: AbortSignal): Promise<MarketplacePage> {
  return unwrap(api.GET('/api/proxy/marketplace', { params: { query }, signal }));
}

export const marketplaceKeys = {
  all: ['marketplace'] as const,
  search: (search: MarketplaceSearch) => ['marketplace', 'search', search] as const,
};

export function marketplaceSearchOptions(search: MarketplaceSearch) {
  return infiniteQueryOptions({
    queryKey: marketplaceKeys.search(search),
    queryFn: ({ pageParam, signal }) => searchMarketplace({ ...search, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Result pages of a search; `search` null while the person has not said where yet. */
export function useMarketplaceSearch(search: MarketplaceSearch | null) {
  return useInfiniteQuery({ ...marketplaceSearchOptions(search ?? {}), enabled: search !== null });
}
