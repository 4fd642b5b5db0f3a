import { Link, useParams } from 'react-router';
import { SPACE_TYPES, type ManagedFacility } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { useDashboard } from '../../../shared/operator-dashboard';
import { useManagedFacility } from '../../../shared/managed-facilities';
import { OperatorPassesPanel } from '../../../shared/passes';
import { setPublished, useFacilityChange } from '../api/facilities';

export function FacilityDetailPage() {
  const { facilityId = '' } = useParams();
  const facility = useManagedFacility(facilityId);
  usePageTitle(facility.data?.name ?? 'Car park');
  if (facility.isPending) return <LoadingState label="Loading the car park…" />;
  if (facility.isError) {
    const missing = facility.error instanceof ApiError && facility.error.status === 404;
    return (
      <ErrorState
        title={missing ? 'Car park not found' : undefined}
        message={missing ? 'It does not exist or is not yours.' : describeError(facility.error)}
        onRetry={missing ? undefined : () => void facility.refetch()}
      />
    );
  }
  return <FacilityDetail facility={facility.data} />;
}

function FacilityDetail({ facility }: { facility: ManagedFacility }) {
  const publish = useFacilityChange(setPublished);
  return (
    <>
      <PageHeader eyebrow="Car park" title={facility.name}>
        <p>
          {facility.addressLine}, {facility.city} · {facility.timeZone} ·{' '}
          {facility.listed ? 'In the marketplace' : facility.published ? 'Published, listed once your application is approved' : 'Not published'}
        </p>
        <p>
          <Link className="button button--secondary" to={`/operator/facilities/${facility.id}/edit`}>
            Edit car park
          </Link>
        </p>
      </PageHeader>
      <LiveOccupancy facilityId={facility.id} />
      <section className="panel" aria-labelledby="listing">
        <h2 id="listing">Listing</h2>
        <FormAlert message={publish.error ? describeError(publish.error) : null} />
        <button
          type="button"
          className="button button--primary"
          disabled={publish.isPending}
          onClick={() => publish.mutate({ id: facility.id, published: !facility.published })}
        >
          {facility.published ? 'Unpublish' : 'Publish'}
        </button>
      </section>
      <section className="panel" aria-labelledby="spaces">
        <h2 id="spaces">Spaces and rates</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Active</th>
                <th scope="col">Inactive</th>
                <th scope="col">Per hour</th>
                <th scope="col">Daily maximum</th>
              </tr>
            </thead>
            <tbody>
              {SPACE_TYPES.filter(
                (type) => facility.spaces.some((s) => s.spaceType === type && s.count) || facility.rates.some((r) => r.spaceType === type),
              ).map((type) => {
                const rate = facility.rates.find((r) => r.spaceType === type);
                return (
                  <tr key={type}>
                    <th scope="row">{SPACE_TYPE_LABELS[type]}</th>
                    <td>{facility.spaces.find((s) => s.spaceType === type)?.count ?? 0}</td>
                    <td>{facility.inactiveSpaces.find((s) => s.spaceType === type)?.count ?? 0}</td>
                    <td>{rate ? formatMoney(rate.hourlyCents, facility.currency) : '—'}</td>
                    <td>{rate?.dailyMaxCents != null ? formatMoney(rate.dailyMaxCents, facility.currency) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>
          <Link to={`/operator/facilities/${facility.id}/edit`}>Add or deactivate spaces, change rates</Link>
          {' · '}
          <Link to={`/operator/facilities/${facility.id}/pricing`}>Price suggestions and rate history</Link>
        </p>
      </section>
      <OperatorPassesPanel facilityId={facility.id} />
    </>
  );
}

/** Occupied and free spaces right now, from the dashboard summary the live feed keeps current. */
function LiveOccupancy({ facilityId }: { facilityId: string }) {
  const dashboard = useDashboard();
  const entry = dashboard.data?.facilities.find((facility) => facility.id === facilityId);
  return (
    <section className="panel" aria-labelledby="occupancy-now">
      <h2 id="occupancy-now">Occupancy now</h2>
      {dashboard.isPending && <LoadingState />}
      {dashboard.isError && <ErrorState message={describeError(dashboard.error)} onRetry={() => void dashboard.refetch()} />}
      {entry && (
        <p className="kpi__value" aria-live="polite" data-testid="occupied-now">
          {entry.occupiedNow} of {entry.capacity} occupied
        </p>
      )}
    </section>
  );
}
