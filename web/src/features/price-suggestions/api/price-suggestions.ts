import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptedPriceSuggestion, PriceFloorRequest, PriceFloorView, PriceSuggestions, RateChangeList } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { managedFacilityKeys } from '../../../shared/managed-facilities';

export const priceSuggestionKeys = {
  all: (facilityId: string) => ['operator', 'facilities', facilityId, 'pricing'] as const,
  suggestions: (facilityId: string) => ['operator', 'facilities', facilityId, 'pricing', 'suggestions'] as const,
  rateChanges: (facilityId: string) => ['operator', 'facilities', facilityId, 'pricing', 'rate-changes'] as const,
};

export function getPriceSuggestions(facilityId: string, signal?: AbortSignal): Promise<PriceSuggestions> {
  return unwrap(api.GET('/api/operator/facilities/{id}/price-suggestions', { params: { path: { id: facilityId } }, signal }));
}

export function getRateChanges(facilityId: string, signal?: AbortSignal): Promise<RateChangeList> {
  return unwrap(api.GET('/api/operator/facilities/{id}/rate-changes', { params: { path: { id: facilityId } }, signal }));
}

export function acceptPriceSuggestion({ facilityId, suggestionId }: { facilityId: string; suggestionId: string }): Promise<AcceptedPriceSuggestion> {
  return unwrap(api.POST('/api/operator/facilities/{id}/price-suggestions/accept', { params: { path: { id: facilityId } }, body: { suggestionId } }));
}

export function setPriceFloor({ facilityId, floor }: { facilityId: string; floor: PriceFloorRequest }): Promise<PriceFloorView> {
  return unwrap(api.PUT('/api/operator/facilities/{id}/price-floor', { params: { path: { id: facilityId } }, body: floor }));
}

export function priceSuggestionsOptions(facilityId: string) {
  return queryOptions({ queryKey: priceSuggestionKeys.suggestions(facilityId), queryFn: ({ signal }) => getPriceSuggestions(facilityId, signal) });
}

export function rateChangesOptions(facilityId: string) {
  return queryOptions({ queryKey: priceSuggestionKeys.rateChanges(facilityId), queryFn: ({ signal }) => getRateChanges(facilityId, signal) });
}

export function usePriceSuggestions(facilityId: string) {
  return useQuery(priceSuggestionsOptions(facilityId));
}

export function useRateChanges(facilityId: string) {
  return useQuery(rateChangesOptions(facilityId));
}

/**
 * A suggestion accepted or a floor set (or a refused, stale acceptance): the suggestions and rate
 * history are read again, and the car park itself when its rates changed.
 */
export function usePricingChange<TInput extends { facilityId: string }, TResult>(change: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: (_result, _error, { facilityId }) => {
      void queryClient.invalidateQueries({ queryKey: priceSuggestionKeys.all(facilityId) });
      void queryClient.invalidateQueries({ queryKey: managedFacilityKeys.detail(facilityId) });
    },
  });
}
