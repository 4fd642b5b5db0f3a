import { describeError } from '../../../lib/api-error';
import { ResendVerificationButton } from '../../../shared/email-verification';
import { ChangePasswordForm } from './change-password-form';
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
            <dd>
              {me.data.email}{' '}
              {me.data.emailVerified ? (
                <span className="badge badge--confirmed">Confirmed</span>
              ) : (
                <span className="badge badge--pending_payment" data-testid="email-unconfirmed">
                  Not confirmed yet
                </span>
              )}
            </dd>
            <dt>Role</dt>
            <dd>{ROLE_NAMES[me.data.role]}</dd>
            <dt>Member since</dt>
            <dd>{new Date(me.data.createdAt).toLocaleDateString(undefined, { dateStyle: 'long' })}</dd>
          </dl>
        )}
        {me.data && !me.data.emailVerified && (
          <div className="notice" data-testid="confirm-email-notice">
            <p>Confirm your email address to book parking: open the link we emailed to {me.data.email}.</p>
            <ResendVerificationButton email={me.data.email} />
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">Password</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
