import type { UserView } from '@aiparksit/shared';
import { ComingSoon } from '../../../components/coming-soon';
import { EmptyState } from '../../../components/status';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';

const PLANNED = [
  { title: 'System status', description: 'Each service, the database, the WebSocket gateway and disk space, with their health at a glance.' },
  { title: 'Active users', description: 'How many people are signed in right now, by role.' },
  { title: 'Recent errors', description: 'The latest server errors with their request id, to trace a report from a user to the log line.' },
  { title: 'Accounts', description: 'Create investor and admin accounts, and disable accounts that should no longer sign in.' },
] as const;

export function AdminHome({ user }: { user: UserView }) {
  usePageTitle('System status');
  return (
    <>
      <PageHeader eyebrow="Admin" title={`Welcome, ${user.name}`}>
        <p>The system status page is coming soon: the health of every part of AIParksit on one screen.</p>
      </PageHeader>
      <section className="panel" aria-labelledby="admin-errors">
        <h2 id="admin-errors">Recent errors</h2>
        <EmptyState title="Nothing reported yet">
          <p>Server errors will be listed here with the time, route and request id.</p>
        </EmptyState>
      </section>
      <ComingSoon heading="Coming to admins" features={PLANNED} />
    </>
  );
}
