import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { OnboardingApplication, OperatorStatus, PayoutAccountInput } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { useFormErrors } from '../../../components/use-form-errors';
import { changePayoutAccount, useApplication, useOnboardingStep } from '../api/onboarding';
import { PayoutAccountFields, readPayoutAccount } from './payout-account-fields';

const STATUS_TEXT: Record<OperatorStatus, string> = { draft: 'Draft', submitted: 'Submitted, being reviewed', approved: 'Approved', rejected: 'Rejected' };

const dateOf = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(iso));

/** The payout account on file, as the operator's settings show it; changed here once the application is approved. */
export function PayoutAccountPanel() {
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
 * draft or was rejected, the onboarding step changes it; while it is reviewed it stays as it is;
 * once approved it changes here, with the current password, and the owner is emailed.
 */
function PayoutAccount({ application }: { application: OnboardingApplication }) {
  const account = application.payoutAccount;
  const editable = application.status === 'draft' || application.status === 'rejected';
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  if (!account) {
    // An approved operator adds it right here: onboarding is over and has no step left to offer.
    if (application.status === 'approved') {
      return (
        <>
          {changed ? (
            <p className="notice" role="status" data-testid="payout-changed">
              Payout account saved. We have emailed you about it.
            </p>
          ) : (
            <p data-testid="payout-missing">No payout account is on file yet: add the account your takings should go to.</p>
          )}
          <ChangePayoutAccountForm application={application} onDone={setChanged} cancellable={false} />
        </>
      );
    }
    return (
      <EmptyState title="No payout account yet">
        <p>
          {application.status === 'submitted' ? (
            'Your application is being reviewed; the account can be added once it is done.'
          ) : (
            <>
              Add it in <Link to="/operator/onboarding">onboarding</Link>.
            </>
          )}
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
          {STATUS_TEXT[application.status]}
          {application.reviewedAt && `, reviewed ${dateOf(application.reviewedAt)}`}
        </dd>
        {application.payoutAccountChangedAt && (
          <>
            <dt>Changed</dt>
            <dd data-testid="payout-changed-at">{dateOf(application.payoutAccountChangedAt)}</dd>
          </>
        )}
      </dl>
      {changed && (
        <p className="notice" role="status" data-testid="payout-changed">
          Payout account changed. We have emailed you about it.
        </p>
      )}
      {editable && (
        <p>
          <Link to="/operator/onboarding">Change it in onboarding</Link>
        </p>
      )}
      {application.status === 'submitted' && (
        <p className="field__hint" data-testid="payout-locked">
          Your application is being reviewed; the account cannot change until the review is done.
        </p>
      )}
      {application.status === 'approved' &&
        (changing ? (
          <ChangePayoutAccountForm
            application={application}
            onDone={(saved) => {
              setChanging(false);
              setChanged(saved);
            }}
          />
        ) : (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setChanging(true)}>
              Change payout account
            </button>
          </p>
        ))}
    </>
  );
}

/** A new account after approval: the same fields as onboarding, and the current password. */
function ChangePayoutAccountForm({
  application,
  onDone,
  cancellable = true,
}: {
  application: OnboardingApplication;
  onDone: (saved: boolean) => void;
  /** False where the form is the only way forward (no account on file yet). */
  cancellable?: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<PayoutAccountInput['kind']>(application.payoutAccount?.kind ?? 'iban');
  const change = useOnboardingStep(changePayoutAccount);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(change.error, formRef);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = new FormData(event.currentTarget);
    change.mutate({ ...readPayoutAccount(form, kind), currentPassword: String(form.get('currentPassword') ?? '') }, { onSuccess: () => onDone(true) });
  }
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={application.payoutAccount ? 'Change payout account' : 'Add payout account'}>
      <FormAlert message={formMessage} />
      <PayoutAccountFields kind={kind} onKind={setKind} holderName={application.payoutAccount?.holderName} fields={fieldMessages} />
      <FormField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        hint="Asked again because this decides where your money goes."
        errors={fieldMessages['currentPassword']}
      />
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : application.payoutAccount ? 'Save new payout account' : 'Save payout account'}
        </button>
        {cancellable && (
          <button type="button" className="button button--ghost" onClick={() => onDone(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
