import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { useManagedFacilities } from '../../../shared/managed-facilities';

export function FacilitiesPage() {
  usePageTitle('Car parks');
  const facilities = useManagedFacilities();
  return (
    <>
      <PageHeader eyebrow="Operator" title="Car parks">
        <p>
          <Link className="button button--primary" to="/operator/facilities/new">
            Add a car park
          </Link>
        </p>
      </PageHeader>
      <section className="panel">
        {facilities.isPending && <LoadingState label="Loading car parks…" />}
        {facilities.isError && <ErrorState message={describeError(facilities.error)} onRetry={() => void facilities.refetch()} />}
        {facilities.data?.results.length === 0 && (
          <EmptyState title="No car parks yet">
            <p>Add your first car park with its spaces and rates.</p>
          </EmptyState>
        )}
        {facilities.data && facilities.data.results.length > 0 && (
          <div className="table-scroll">
            <table className="table" data-testid="facility-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">City</th>
                  <th scope="col">Listing</th>
                  <th scope="col">Spaces</th>
                  <th scope="col">Upcoming bookings</th>
                </tr>
              </thead>
              <tbody>
                {facilities.data.results.map((facility) => (
                  <tr key={facility.id}>
                    <th scope="row">
                      <Link to={`/operator/facilities/${facility.id}`}>{facility.name}</Link>
                    </th>
                    <td>{facility.city}</td>
                    <td>{facility.listed ? 'In the marketplace' : facility.published ? 'Published, awaiting approval' : 'Not published'}</td>
                    <td>
                      {facility.activeSpaces}
                      {facility.inactiveSpaces > 0 && ` (+${facility.inactiveSpaces} inactive)`}
                    </td>
                    <td>{facility.upcomingBookings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
