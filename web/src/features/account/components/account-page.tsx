import { describeError } from '../../../lib/api-error';
import { ErrorState, LoadingState } from '../../../components/status';
import { PageHeader } from '../../../components/page-header';
import { useMe } from '../api/me';
import { usePageTitle } from '../../../components/use-page-title';

const ROLE_NAMES = { driver: 'Driver', operator: 'Operator', investor: 'Investor', admin: 'Admin' } as const;

export function AccountPage() {
  usePageTitle('Your account');
  const me = useMe();
  return (
    <>
      <PageHeader eyebrow="Account" title="Your account" />
      <section className="panel" aria-labelledby="account-details" aria-busy={me.isPending}>
        <h2 id="account-details">Details</h2>
        {me.isPending ? (
          <LoadingState label="Loading your account…" />
        ) : me.isError ? (
          <ErrorState title="Could not load your account" message={describeError(me.error)} onRetry={() => void me.refetch()} />
        ) : (
          <dl className="details">
            <dt>Name</dt>
            <dd>{me.data.name}</dd>
            <dt>Email</dt>
            <dd>{me.data.email}</dd>
            <dt>Role</dt>
            <dd>{ROLE_NAMES[me.data.role]}</dd>
            <dt>Member since</dt>
            <dd>{new Date(me.data.createdAt).toLocaleDateString(undefined, { dateStyle: 'long' })}</dd>
          </dl>
        )}
      </section>
    </>
  );
}
