import { Link } from 'react-router';
import type { OperatorFacilityRow } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { useManagedFacilities } from '../../../shared/managed-facilities';

const COLUMNS: TableColumn<OperatorFacilityRow>[] = [
  { key: 'name', header: 'Name', primary: true, cell: (facility) => <Link to={`/operator/facilities/${facility.id}`}>{facility.name}</Link> },
  { key: 'city', header: 'City', cell: (facility) => facility.city },
  {
    key: 'listing',
    header: 'Listing',
    cell: (facility) => (facility.listed ? 'In the marketplace' : facility.published ? 'Published, awaiting approval' : 'Not published'),
  },
  {
    key: 'spaces',
    header: 'Spaces',
    numeric: true,
    cell: (facility) => `${facility.activeSpaces}${facility.inactiveSpaces > 0 ? ` (+${facility.inactiveSpaces} inactive)` : ''}`,
  },
  { key: 'upcoming', header: 'Upcoming bookings', numeric: true, cell: (facility) => facility.upcomingBookings },
];

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
          <ResponsiveTable
            testId="facility-table"
            className="rtable--linked"
            rows={facilities.data.results}
            columns={COLUMNS}
            rowKey={(facility) => facility.id}
          />
        )}
      </section>
    </>
  );
}
