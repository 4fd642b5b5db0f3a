import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CancelPassResult, CreatePassRequest, OperatorPassOverview, PassList, PassOfferList, PassOfferView, PassView, SpaceType } from '@aiparksit/shared';
import { api, idempotent, unwrap } from '../../lib/api-client';
import { IdempotencyKeys } from '../../lib/idempotency';

export const passKeys = {
  all: ['passes'] as const,
  /** What a facility sells (GET /api/facilities/:id/pass-offers): what buying and cancelling change. */
  offers: (facilityId: string) => ['passes', 'offers', facilityId] as const,
  /** The driver's own passes (GET /api/passes). */
  list: () => ['passes', 'list'] as const,
  /** The operator's view of one facility's passes. */
  operator: (facilityId: string) => ['passes', 'operator', facilityId] as const,
};

export function passOffersOptions(facilityId: string) {
  return queryOptions({
    queryKey: passKeys.offers(facilityId),
    queryFn: ({ signal }): Promise<PassOfferList> => unwrap(api.GET('/api/facilities/{id}/pass-offers', { params: { path: { id: facilityId } }, signal })),
  });
}

export const usePassOffers = (facilityId: string) => useQuery(passOffersOptions(facilityId));

export function passesOptions() {
  return queryOptions({ queryKey: passKeys.list(), queryFn: ({ signal }): Promise<PassList> => unwrap(api.GET('/api/passes', { signal })) });
}

export const usePasses = (enabled = true) => useQuery({ ...passesOptions(), enabled });

/** POST /api/passes: holds a space for the month as `pending_payment`; pay it at checkout with its booking. */
export function useBuyPass() {
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationKey: ['passes', 'buy'],
    mutationFn: (body: CreatePassRequest): Promise<PassView> => unwrap(api.POST('/api/passes', { params: { header: idempotent(keys.keyFor(body)) }, body })),
    onSettled: (_data, error, body) => {
      keys.settle(error);
      return queryClient.invalidateQueries({ queryKey: passKeys.offers(body.facilityId) });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passKeys.list() }),
  });
}

/** POST /api/passes/:id/cancel: all that was paid comes back before the month starts. */
export function useCancelPass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['passes', 'cancel'],
    mutationFn: (id: string): Promise<CancelPassResult> => unwrap(api.POST('/api/passes/{id}/cancel', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: passKeys.all }),
  });
}

export function useOperatorPasses(facilityId: string) {
  return useQuery({
    queryKey: passKeys.operator(facilityId),
    queryFn: ({ signal }): Promise<OperatorPassOverview> =>
      unwrap(api.GET('/api/operator/facilities/{id}/passes', { params: { path: { id: facilityId } }, signal })),
  });
}

export function useUpdatePassOffer(facilityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['passes', 'offer', facilityId],
    mutationFn: ({ spaceType, passLimit, priceCents }: { spaceType: SpaceType; passLimit: number; priceCents: number }): Promise<PassOfferView> =>
      unwrap(
        api.PUT('/api/operator/facilities/{id}/pass-offers/{spaceType}', { params: { path: { id: facilityId, spaceType } }, body: { passLimit, priceCents } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passKeys.operator(facilityId) }),
  });
}
