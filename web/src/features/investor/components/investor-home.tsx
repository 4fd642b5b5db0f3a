import type { UserView } from '@aiparksit/shared';
import { ComingSoon } from '../../../components/coming-soon';
import { EmptyState } from '../../../components/status';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';

const PLANNED = [
  { title: 'Platform KPIs', description: 'Gross booking value, take rate, active drivers and operators, and occupancy across the marketplace.' },
  { title: 'Growth', description: 'Month-on-month growth of bookings, revenue and listed spaces, with cohorts of new operators.' },
  { title: 'Market analysis', description: 'Revenue and demand by city and facility type, to see where the platform is gaining ground.' },
  { title: 'Reports', description: 'Export any view as a PDF, or have it emailed to you on a schedule.' },
] as const;

export function InvestorHome({ user }: { user: UserView }) {
  usePageTitle('Platform KPIs');
  return (
    <>
      <PageHeader eyebrow="Investor" title={`Welcome, ${user.name}`}>
        <p>The investor dashboard is coming soon: platform-wide figures, refreshed live as bookings are paid.</p>
      </PageHeader>
      <section className="panel" aria-labelledby="investor-kpis">
        <h2 id="investor-kpis">Key figures</h2>
        <EmptyState title="No figures to show yet">
          <p>Figures appear here once the first bookings have been paid on the platform.</p>
        </EmptyState>
      </section>
      <ComingSoon heading="Coming to investors" features={PLANNED} />
    </>
  );
}
