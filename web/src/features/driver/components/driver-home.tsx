import type { UserView } from '@aiparksit/shared';
import { ComingSoon } from '../../../components/coming-soon';
import { EmptyState } from '../../../components/status';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';

const PLANNED = [
  { title: 'Search parking near a place', description: 'Type an address or pick a spot on the map, choose when you arrive and leave, and see car parks nearby with the price for your exact window.' },
  { title: 'Live availability', description: 'Free spaces update while you look, so the space you pick is still there when you book it.' },
  { title: 'Book and pay in one step', description: 'Your space is held for a few minutes while you pay by card; the booking is confirmed the moment payment succeeds.' },
  { title: 'Confirmation by email', description: 'You get a booking code by email to show or type in at the entrance, and can cancel from your bookings list.' },
] as const;

export function DriverHome({ user }: { user: UserView }) {
  usePageTitle('Find parking');
  return (
    <>
      <PageHeader eyebrow="Driver" title={`Hello, ${user.name}`}>
        <p>Search and booking of parking is coming to AIParksit. Here is what you will be able to do from this page.</p>
      </PageHeader>
      <section className="panel" aria-labelledby="driver-bookings">
        <h2 id="driver-bookings">Your bookings</h2>
        <EmptyState title="No bookings yet">
          <p>When you book a space, it shows up here with its booking code, address and times.</p>
        </EmptyState>
      </section>
      <ComingSoon heading="Coming to drivers" features={PLANNED} />
    </>
  );
}
