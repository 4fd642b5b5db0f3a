import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FacilityAlternatives, SpaceType } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { useFacilitySubscription, useRealtimeEvent, useRealtimeResync } from '../../../lib/socket';
import { periodTouches } from '../../../lib/socket/cache-update';
import { ALTERNATIVES_RADIUS_METERS, facilityKeys } from '../../../shared/facilities';

interface WantedStay {
  start: string;
  end: string;
  spaceType: SpaceType;
}

/** GET /api/facilities/:id/alternatives: the nearest car parks with a space of the type free for the whole window. */
export function getAlternatives(id: string, wanted: WantedStay, signal?: AbortSignal): Promise<FacilityAlternatives> {
  return unwrap(
    api.GET('/api/facilities/{id}/alternatives', {
      params: { path: { id }, query: { ...wanted, radius: ALTERNATIVES_RADIUS_METERS } },
      signal,
    }),
  );
}

export function alternativesOptions(id: string, wanted: WantedStay) {
  return queryOptions({
    queryKey: facilityKeys.alternatives(id, wanted),
    queryFn: ({ signal }) => getAlternatives(id, wanted, signal),
  });
}

/**
 * Where else to park when the car park is full for the stay (`wanted` null: it is not, and
 * nothing is asked). The alternatives offered are followed live: a booking at one of them that
 * touches the window may have taken its last space, so the list is asked for again.
 */
export function useAlternatives(id: string, wanted: WantedStay | null) {
  const queryClient = useQueryClient();
  const options = alternativesOptions(id, wanted ?? { start: '', end: '', spaceType: 'standard' });
  const query = useQuery({ ...options, enabled: wanted !== null });
  const offered = wanted ? (query.data?.alternatives.map((alternative) => alternative.facility.id) ?? []) : [];
  useFacilitySubscription(offered);
  useRealtimeEvent('availability_changed', ({ data }) => {
    if (!wanted || !offered.includes(data.facilityId) || data.spaceType !== wanted.spaceType || !periodTouches(data.period, wanted)) return;
    void queryClient.invalidateQueries({ queryKey: options.queryKey, exact: true });
  });
  useRealtimeResync(() => {
    if (wanted) void queryClient.invalidateQueries({ queryKey: options.queryKey, exact: true });
  });
  return query;
}
