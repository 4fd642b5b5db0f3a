import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ONBOARDING_STEPS, OPERATOR_TERMS_VERSION, type OnboardingApplication, type OnboardingStep, type PayoutAccountInput } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError, type FieldMessages } from '../../../lib/api-error';
import { useFormErrors } from '../../../components/use-form-errors';
import { PayoutAccountFields, readPayoutAccount } from './payout-account-fields';
import { acceptTerms, saveCompany, saveContact, savePayoutAccount, submitApplication, useApplication, useOnboardingStep } from '../api/onboarding';

const STEP_LABELS: Record<OnboardingStep, string> = {
  company: 'Company',
  contact: 'Contact',
  payoutAccount: 'Payout account',
  terms: 'Terms',
};

type WizardStep = OnboardingStep | 'review';
const WIZARD_STEPS: readonly WizardStep[] = [...ONBOARDING_STEPS, 'review'];

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Messages of `prefix.field` under `field`: the start of an application nests the company step. */
function withoutPrefix(messages: FieldMessages, prefix: string): FieldMessages {
  const result: FieldMessages = {};
  for (const [field, list] of Object.entries(messages)) result[field.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : field] = list;
  return result;
}

/**
 * The operator application, one step per page. It resumes where it was left (the first step
 * still missing); each step is saved on its own, and a rejected step keeps what was typed.
 */
export function OnboardingPage() {
  usePageTitle('Onboarding');
  const application = useApplication();
  const [params, setParams] = useSearchParams();
  if (application.isPending) return <LoadingState label="Loading your application…" />;
  if (application.isError) return <ErrorState message={describeError(application.error)} onRetry={() => void application.refetch()} />;
  const saved = application.data;
  const asked = params.get('step') as WizardStep | null;
  const firstMissing: WizardStep = saved ? (saved.missingSteps[0] ?? 'review') : 'company';
  const step: WizardStep = asked && WIZARD_STEPS.includes(asked) && (saved || asked === 'company') ? asked : firstMissing;
  const goTo = (next: WizardStep) => setParams({ step: next });
  const locked = saved?.status === 'submitted' || saved?.status === 'approved';
  return (
    <>
      <PageHeader eyebrow="Operator" title="Operator onboarding">
        <p>Tell us about your company and where to pay you. An administrator reviews the application before your car parks can appear in the marketplace.</p>
      </PageHeader>
      {saved && <ApplicationStatus application={saved} />}
      {!locked && (
        <nav aria-label="Onboarding steps" className="steps">
          <ol>
            {WIZARD_STEPS.map((item, index) => {
              const done = saved ? item !== 'review' && !saved.missingSteps.includes(item) : false;
              const reachable = Boolean(saved) || item === 'company';
              const label = item === 'review' ? 'Review and submit' : STEP_LABELS[item];
              return (
                <li key={item} className={`steps__item${item === step ? ' steps__item--current' : ''}${done ? ' steps__item--done' : ''}`}>
                  {reachable ? (
                    <button type="button" className="button button--ghost" aria-current={item === step ? 'step' : undefined} onClick={() => goTo(item)}>
                      {index + 1}. {label}
                      {done && <span className="visually-hidden"> (saved)</span>}
                    </button>
                  ) : (
                    <span>
                      {index + 1}. {label}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      {!locked && (
        <section className="panel" aria-labelledby="onboarding-step">
          {step === 'company' && <CompanyStep saved={saved} onSaved={() => goTo(WIZARD_STEPS[1]!)} />}
          {step === 'contact' && <ContactStep saved={saved!} onSaved={() => goTo('payoutAccount')} />}
          {step === 'payoutAccount' && <PayoutStep saved={saved!} onSaved={() => goTo('terms')} />}
          {step === 'terms' && <TermsStep saved={saved!} onSaved={() => goTo('review')} />}
          {step === 'review' && <ReviewStep saved={saved!} onEdit={goTo} />}
        </section>
      )}
    </>
  );
}

function ApplicationStatus({ application }: { application: OnboardingApplication }) {
  if (application.status === 'submitted') {
    return (
      <section className="panel notice" aria-live="polite" data-testid="application-status">
        <h2>Application submitted</h2>
        <p>An administrator is reviewing it. You can prepare your car parks meanwhile; they are listed once you are approved.</p>
      </section>
    );
  }
  if (application.status === 'approved') {
    return (
      <section className="panel notice" data-testid="application-status">
        <h2>Application approved</h2>
        <p>
          Your published car parks appear in the marketplace. <Link to="/operator/facilities/new">Add a car park</Link>
        </p>
        <p>
          Your payout account is kept in <Link to="/operator/settings#payout-account">Settings</Link>, where you can add or change it.
        </p>
      </section>
    );
  }
  if (application.status === 'rejected') {
    return (
      <section className="panel notice" role="alert" data-testid="application-status">
        <h2>Application rejected</h2>
        <p>Reason: {application.rejectionReason}</p>
        <p>Correct the steps concerned and submit again.</p>
      </section>
    );
  }
  return null;
}

/** A step's form: the server's field errors under each field, focus on the first one. */
function StepForm({
  title,
  error,
  pending,
  onSubmit,
  children,
  submitLabel = 'Save and continue',
}: {
  title: string;
  error: unknown;
  pending: boolean;
  onSubmit: (form: FormData) => void;
  children: (fields: FieldMessages) => ReactNode;
  submitLabel?: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(error, formRef);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    onSubmit(new FormData(event.currentTarget));
  }
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-labelledby="onboarding-step">
      <h2 id="onboarding-step">{title}</h2>
      <FormAlert message={formMessage} />
      {children(withoutPrefix(fieldMessages, 'company'))}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}

function CompanyStep({ saved, onSaved }: { saved: OnboardingApplication | null; onSaved: () => void }) {
  const save = useOnboardingStep((form: FormData) =>
    saveCompany({ legalName: text(form, 'legalName'), displayName: text(form, 'displayName'), taxId: text(form, 'taxId') }, Boolean(saved)),
  );
  return (
    <StepForm title="Company" error={save.error} pending={save.isPending} onSubmit={(form) => save.mutate(form, { onSuccess: onSaved })}>
      {(fields) => (
        <>
          <FormField
            label="Legal name"
            name="legalName"
            defaultValue={saved?.company.legalName}
            errors={fields['legalName']}
            autoComplete="organization"
            required
            minLength={2}
            maxLength={200}
          />
          <FormField
            label="Display name"
            name="displayName"
            hint="What drivers see."
            defaultValue={saved?.company.displayName}
            errors={fields['displayName']}
            required
            minLength={2}
            maxLength={80}
          />
          <FormField
            label="Tax ID"
            name="taxId"
            hint="VAT or tax number as on your company's papers."
            defaultValue={saved?.company.taxId}
            errors={fields['taxId']}
            required
          />
        </>
      )}
    </StepForm>
  );
}

function ContactStep({ saved, onSaved }: { saved: OnboardingApplication; onSaved: () => void }) {
  const save = useOnboardingStep((form: FormData) => saveContact({ email: text(form, 'email'), phone: text(form, 'phone') }));
  return (
    <StepForm title="Contact" error={save.error} pending={save.isPending} onSubmit={(form) => save.mutate(form, { onSuccess: onSaved })}>
      {(fields) => (
        <>
          <FormField
            label="Contact email"
            name="email"
            type="email"
            defaultValue={saved.contact?.email}
            errors={fields['email']}
            autoComplete="email"
            required
            maxLength={254}
          />
          <FormField
            label="Phone"
            name="phone"
            type="tel"
            hint="With the country code, e.g. +49 30 123456."
            defaultValue={saved.contact?.phone}
            errors={fields['phone']}
            autoComplete="tel"
            required
          />
        </>
      )}
    </StepForm>
  );
}

function PayoutStep({ saved, onSaved }: { saved: OnboardingApplication; onSaved: () => void }) {
  const [kind, setKind] = useState<PayoutAccountInput['kind']>(saved.payoutAccount?.kind ?? 'iban');
  const save = useOnboardingStep((form: FormData) => savePayoutAccount(readPayoutAccount(form, kind)));
  return (
    <StepForm title="Payout account" error={save.error} pending={save.isPending} onSubmit={(form) => save.mutate(form, { onSuccess: onSaved })}>
      {(fields) => (
        <>
          {saved.payoutAccount && (
            <p className="field__hint" data-testid="saved-payout">
              Saved: {saved.payoutAccount.display} ({saved.payoutAccount.holderName}). Enter it again to change it.
            </p>
          )}
          <PayoutAccountFields kind={kind} onKind={setKind} holderName={saved.payoutAccount?.holderName} fields={fields} />
        </>
      )}
    </StepForm>
  );
}

function TermsStep({ saved, onSaved }: { saved: OnboardingApplication; onSaved: () => void }) {
  const save = useOnboardingStep((form: FormData) =>
    acceptTerms({ accepted: form.get('accepted') === 'on' ? true : (false as true), version: OPERATOR_TERMS_VERSION }),
  );
  return (
    <StepForm title="Terms" error={save.error} pending={save.isPending} onSubmit={(form) => save.mutate(form, { onSuccess: onSaved })}>
      {(fields) => (
        <>
          <p>
            Operator terms, version {OPERATOR_TERMS_VERSION}: you keep your car parks' listings accurate, honour confirmed bookings, and receive each booking's
            amount less the platform fee.
          </p>
          <div className={fields['accepted']?.length ? 'field field--invalid' : 'field'}>
            <label className="check">
              <input
                type="checkbox"
                name="accepted"
                defaultChecked={saved.terms?.version === OPERATOR_TERMS_VERSION}
                aria-invalid={fields['accepted']?.length ? true : undefined}
                aria-describedby={fields['accepted']?.length ? 'terms-error' : undefined}
              />{' '}
              I accept the operator terms
            </label>
            {fields['accepted']?.length ? (
              <ul id="terms-error" className="field__errors" data-field-error="accepted">
                {fields['accepted'].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </>
      )}
    </StepForm>
  );
}

function ReviewStep({ saved, onEdit }: { saved: OnboardingApplication; onEdit: (step: WizardStep) => void }) {
  const submit = useOnboardingStep(() => submitApplication());
  const missing = saved.missingSteps;
  return (
    <div className="form">
      <h2 id="onboarding-step">Review and submit</h2>
      <dl className="details">
        <dt>Company</dt>
        <dd>
          {saved.company.legalName} ({saved.company.displayName}), tax ID {saved.company.taxId}
        </dd>
        <dt>Contact</dt>
        <dd>{saved.contact ? `${saved.contact.email}, ${saved.contact.phone}` : 'missing'}</dd>
        <dt>Payout account</dt>
        <dd>{saved.payoutAccount ? `${saved.payoutAccount.display} (${saved.payoutAccount.holderName})` : 'missing'}</dd>
        <dt>Terms</dt>
        <dd>{saved.terms ? `Accepted, version ${saved.terms.version}` : 'not accepted'}</dd>
      </dl>
      {missing.length > 0 && (
        <p className="notice">
          Still to complete:{' '}
          {missing.map((step, index) => (
            <span key={step}>
              {index > 0 && ', '}
              <button type="button" className="button button--ghost" onClick={() => onEdit(step)}>
                {STEP_LABELS[step]}
              </button>
            </span>
          ))}
        </p>
      )}
      <FormAlert message={submit.error ? describeError(submit.error) : null} />
      <button type="button" className="button button--primary" disabled={missing.length > 0 || submit.isPending} onClick={() => submit.mutate(undefined)}>
        {submit.isPending ? 'Submitting…' : 'Submit application'}
      </button>
    </div>
  );
}
