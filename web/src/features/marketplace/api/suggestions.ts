import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SuggestionList } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/** The API answers from two characters on. */
export const SUGGESTION_MIN_CHARS = 2;

/** GET /api/proxy/suggestions: cities, car parks and addresses matching what was typed. */
export function fetchSuggestions(q: string, signal?: AbortSignal): Promise<SuggestionList> {
  return unwrap(api.GET('/api/proxy/suggestions', { params: { query: { q, limit: 8 } }, signal }));
}

export const suggestionKeys = {
  all: ['suggestions'] as const,
  // Keyed by the text as the API matches it, so "Zur" and "zur " share one request.
  list: (q: string) => ['suggestions', q.trim().toLowerCase()] as const,
};

export function suggestionsOptions(q: string) {
  return queryOptions({
    queryKey: suggestionKeys.list(q),
    queryFn: ({ signal }) => fetchSuggestions(q.trim(), signal),
    // Names of places change rarely: a prefix typed again within minutes needs no new request.
    staleTime: 5 * 60_000,
  });
}

/** Suggestions for the (already debounced) text; the previous list stays up while the next loads. */
export function useSuggestions(q: string) {
  return useQuery({ ...suggestionsOptions(q), enabled: q.trim().length >= SUGGESTION_MIN_CHARS, placeholderData: keepPreviousData });
}
