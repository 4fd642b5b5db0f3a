import { useQueries } from '@tanstack/react-query';
import type { ForecastBadge, SpaceType } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/** The searched window and space type. */
export interface BadgesAsked {
  start: string;
  end: string;
  spaceType: SpaceType;
}

/** GET /api/proxy/forecast-badges: "likely to fill up" and "usually full by" of the searched type for one page of results. */
export async function getForecastBadges(ids: string[], asked: BadgesAsked, signal?: AbortSignal): Promise<ForecastBadge[]> {
  const page = await unwrap(api.GET('/api/proxy/forecast-badges', { params: { query: { ids: ids.join(','), ...asked } }, signal }));
  return page.results;
}

/**
 * The forecast badges of the result pages shown, one request per page (as the pages arrive), by
 * facility id, for the searched space type. Without a window there is nothing to forecast. A badge is a hint: while it loads,
 * or if its request fails, the results show without it.
 */
export function useForecastBadges(pages: string[][], window: BadgesAsked | null): Map<string, ForecastBadge> {
  const answers = useQueries({
    queries: pages.map((ids) => ({
      queryKey: ['marketplace', 'forecast-badges', ids, window] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => getForecastBadges(ids, window!, signal),
      enabled: window !== null && ids.length > 0,
      // Forecasts are fitted nightly: a page's badges do not change while it is looked at.
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const byId = new Map<string, ForecastBadge>();
  for (const answer of answers) for (const badge of answer.data ?? []) byId.set(badge.id, badge);
  return byId;
}
