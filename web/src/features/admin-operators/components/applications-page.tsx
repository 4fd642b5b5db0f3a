import { useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { OPERATOR_STATUSES, type OperatorApplicationSummary, type OperatorStatus } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { useFormErrors } from '../../../components/use-form-errors';
import { approveApplication, rejectApplication, useApplications, useReview } from '../api/applications';

const PAGE_SIZE = 20;
const STATUS_LABELS: Record<OperatorStatus, string> = { draft: 'Drafts', submitted: 'Waiting for review', approved: 'Approved', rejected: 'Rejected' };
const dateTime = (iso: string | null) => (iso ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—');

/** The onboarding queue: submitted applications first, each approved or rejected with a reason. */
export function OperatorApplicationsPage() {
  usePageTitle('Operator applications');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = (OPERATOR_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as OperatorStatus) : 'submitted';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const applications = useApplications({ status, page, pageSize: PAGE_SIZE });
  const lastPage = applications.data ? Math.max(1, Math.ceil(applications.data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader eyebrow="Admin" title="Operator applications">
        <p>Approve an operator to let their published car parks appear in the marketplace, or reject with a reason they will read.</p>
      </PageHeader>
      <section className="panel">
        <div className="form form--inline">
          <div className="field">
            <label htmlFor={`${id}-status`}>Show</label>
            <select id={`${id}-status`} value={status} onChange={(event) => setParams({ status: event.target.value })}>
              {OPERATOR_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {applications.isPending && <LoadingState label="Loading applications…" />}
        {applications.isError && <ErrorState message={describeError(applications.error)} onRetry={() => void applications.refetch()} />}
        {applications.data?.items.length === 0 && (
          <EmptyState title="No applications">
            <p>{status === 'submitted' ? 'Nothing is waiting for review.' : `No application is ${status}.`}</p>
          </EmptyState>
        )}
        {applications.data && applications.data.items.length > 0 && (
          <ul className="application-list">
            {applications.data.items.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </ul>
        )}
        {lastPage > 1 && (
          <nav className="pager" aria-label="Application pages">
            <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setParams({ status, page: String(page - 1) })}>
              Previous
            </button>
            <span>
              Page {page} of {lastPage}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={page >= lastPage}
              onClick={() => setParams({ status, page: String(page + 1) })}
            >
              Next
            </button>
          </nav>
        )}
      </section>
    </>
  );
}

function ApplicationCard({ application }: { application: OperatorApplicationSummary }) {
  const headingId = useId();
  const approve = useReview(approveApplication);
  const [rejecting, setRejecting] = useState(false);
  const { company, contact, payoutAccount } = application;
  return (
    <li className="card application" aria-labelledby={headingId} data-application-email={application.owner.email}>
      <h2 id={headingId}>{company.displayName}</h2>
      <dl className="details details--compact">
        <dt>Legal name</dt>
        <dd>{company.legalName}</dd>
        <dt>Tax ID</dt>
        <dd>{company.taxId}</dd>
        <dt>Account</dt>
        <dd>
          {application.owner.name} ({application.owner.email})
        </dd>
        <dt>Contact</dt>
        <dd>{contact ? `${contact.email}, ${contact.phone}` : '—'}</dd>
        <dt>Payout</dt>
        <dd>{payoutAccount ? `${payoutAccount.display} (${payoutAccount.holderName})` : '—'}</dd>
        <dt>Submitted</dt>
        <dd>{dateTime(application.submittedAt)}</dd>
        {application.rejectionReason && (
          <>
            <dt>Rejected because</dt>
            <dd>{application.rejectionReason}</dd>
          </>
        )}
      </dl>
      {application.status === 'submitted' && (
        <div className="application__actions">
          <FormAlert message={approve.error ? describeError(approve.error) : null} />
          <button type="button" className="button button--primary" disabled={approve.isPending} onClick={() => approve.mutate(application.id)}>
            Approve {company.displayName}
          </button>
          <button type="button" className="button button--secondary" aria-expanded={rejecting} onClick={() => setRejecting((open) => !open)}>
            Reject…
          </button>
          {rejecting && <RejectForm id={application.id} name={company.displayName} />}
        </div>
      )}
    </li>
  );
}

function RejectForm({ id, name }: { id: string; name: string }) {
  const fieldId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const reject = useReview(rejectApplication);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(reject.error, formRef);
  const errors = fieldMessages['reason'];
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    reject.mutate({ id, reason: String(new FormData(event.currentTarget).get('reason') ?? '').trim() });
  }
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={`Reject ${name}`}>
      <FormAlert message={formMessage} />
      <div className={errors?.length ? 'field field--invalid' : 'field'}>
        <label htmlFor={fieldId}>Reason (the operator reads it)</label>
        <textarea
          id={fieldId}
          name="reason"
          rows={3}
          required
          minLength={5}
          maxLength={1000}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${fieldId}-error` : undefined}
        />
        {errors?.length ? (
          <ul id={`${fieldId}-error`} className="field__errors" data-field-error="reason">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="submit" className="button button--danger" disabled={reject.isPending}>
        Reject application
      </button>
    </form>
  );
}
