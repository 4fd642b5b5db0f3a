import { Link } from 'react-router';
import type { OnboardingApplication } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { ApiKeysPanel } from '../../api-keys';
import { useApplication } from '../../onboarding';

/** The operator's settings: API keys for their systems and the payout account on file. */
export function OperatorSettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <PageHeader eyebrow="Operator" title="Settings" />
      <ApiKeysPanel />
      <PayoutAccountPanel />
    </>
  );
}

const dateOf = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(iso));

function PayoutAccountPanel() {
  const application = useApplication();
  return (
    <section className="panel stack" aria-labelledby="payout-account">
      <h2 id="payout-account">Payout account</h2>
      {application.isPending && <LoadingState label="Loading your payout account…" />}
      {application.isError && <ErrorState message={describeError(application.error)} onRetry={() => void application.refetch()} />}
      {application.data === null && (
        <EmptyState title="No payout account yet">
          <p>
            It is part of <Link to="/operator/onboarding">onboarding</Link>.
          </p>
        </EmptyState>
      )}
      {application.data && <PayoutAccount application={application.data} />}
    </section>
  );
}

/**
 * Only the masked account is ever shown (the API keeps no more). While the application is a
 * draft or was rejected, the onboarding step changes it; once submitted or approved it is locked:
 * a new account must be reviewed like the first one, so changes go through support.
 */
function PayoutAccount({ application }: { application: OnboardingApplication }) {
  const account = application.payoutAccount;
  const editable = application.status === 'draft' || application.status === 'rejected';
  if (!account) {
    return (
      <EmptyState title="No payout account yet">
        <p>
          Add it in <Link to="/operator/onboarding">onboarding</Link>.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <dl className="details" data-testid="payout-account">
        <dt>Account holder</dt>
        <dd>{account.holderName}</dd>
        <dt>{account.kind === 'iban' ? 'IBAN' : 'US account'}</dt>
        <dd>
          <code>{account.display}</code>
        </dd>
        <dt>Bank</dt>
        <dd>
          {account.bankHint} ({account.country})
        </dd>
        <dt>Application</dt>
        <dd>
          {application.status}
          {application.reviewedAt && `, reviewed ${dateOf(application.reviewedAt)}`}
        </dd>
      </dl>
      {editable ? (
        <p>
          <Link to="/operator/onboarding">Change it in onboarding</Link>
        </p>
      ) : (
        <p className="field__hint" data-testid="payout-locked">
          {application.status === 'submitted'
            ? 'Your application is being reviewed; the account cannot change until the review is done.'
            : 'Payouts go to the account that was reviewed. To change it, contact AIParksit support: a new account is checked like the first one before any payout goes to it.'}
        </p>
      )}
    </>
  );
}
