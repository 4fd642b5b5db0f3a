import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SPACE_TYPES, type FacilityDetail, type SpaceType } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { describeError } from '../../lib/api-error';
import { useFacility } from './get-facility';

/** A stay chosen on a car park's page, as checkout links carry it: `?facility&start&end&type`. */
export interface StayOfSearch {
  facilityId: string;
  start: string;
  end: string;
  spaceType: SpaceType;
}

/**
 * Reads the stay from the address and loads its car park; renders `children` with both, or the
 * page's "nothing chosen" state (`nothingTitle`, `nothingHint`), loading or error in their place.
 */
export function WithStayOfSearch({
  nothingTitle,
  nothingHint,
  children,
}: {
  nothingTitle: string;
  nothingHint: string;
  children: (stay: StayOfSearch, facility: FacilityDetail) => ReactNode;
}) {
  const [params] = useSearchParams();
  const facilityId = params.get('facility') ?? '';
  const start = params.get('start');
  const end = params.get('end');
  const type = params.get('type') as SpaceType | null;
  const facility = useFacility(facilityId);
  if (!facilityId || !start || !end || !type || !SPACE_TYPES.includes(type))
    return (
      <EmptyState title={nothingTitle}>
        <p>
          <Link to="/">Find parking</Link> {nothingHint}
        </p>
      </EmptyState>
    );
  if (facility.isPending) return <LoadingState label="Loading…" />;
  if (facility.isError) return <ErrorState message={describeError(facility.error)} onRetry={() => void facility.refetch()} />;
  return children({ facilityId, start, end, spaceType: type }, facility.data);
}
