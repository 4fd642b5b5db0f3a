import type { UserView } from '@aiparksit/shared';
import { ComingSoon } from '../../../components/coming-soon';
import { EmptyState } from '../../../components/status';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';

const PLANNED = [
  { title: 'Onboarding', description: 'Tell us about your company and payout details once; then you can publish car parks.' },
  { title: 'Facilities, spaces and rates', description: 'List each car park with its address, opening hours, spaces and hourly or daily rates, and change them at any time.' },
  { title: 'Live occupancy', description: 'See which spaces are free or booked right now, updated the moment a driver books or leaves.' },
  { title: 'Revenue dashboard', description: 'Follow takings per facility by day, week and month, with refunds and fees accounted for.' },
] as const;

export function OperatorHome({ user }: { user: UserView }) {
  usePageTitle('My car parks');
  return (
    <>
      <PageHeader eyebrow="Operator" title={`Welcome, ${user.name}`}>
        <p>Managing your car parks on AIParksit is coming soon. This is where you will list facilities and watch bookings arrive.</p>
      </PageHeader>
      <section className="panel" aria-labelledby="operator-facilities">
        <h2 id="operator-facilities">Your car parks</h2>
        <EmptyState title="No car parks listed yet">
          <p>Once onboarding opens, the facilities you list appear here with their occupancy and today’s revenue.</p>
        </EmptyState>
      </section>
      <ComingSoon heading="Coming to operators" features={PLANNED} />
    </>
  );
}
