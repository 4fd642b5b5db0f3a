import { useRef, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH, SELF_REGISTERABLE_ROLES, type RegisterRequest, type SelfRegisterableRole } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { useRegister } from '../api/register';
import { AuthCard } from './auth-card';
import { ResendVerificationButton } from '../../../shared/email-verification';
import { useFormErrors } from '../../../components/use-form-errors';
import type { FormWording } from '../../../lib/field-messages';
import { usePageTitle } from '../../../components/use-page-title';
import { rememberReturnPath } from '../../../lib/return-path';
import { NewPasswordField } from '../../../components/new-password-field';

const ROLE_CHOICES: Record<SelfRegisterableRole, { label: string; description: string }> = {
  driver: { label: 'I drive', description: 'Find and book parking near where you are going.' },
  operator: { label: 'I run car parks', description: 'List your facilities, set rates and follow bookings live.' },
};

function isSelfRegisterableRole(value: unknown): value is SelfRegisterableRole {
  return (SELF_REGISTERABLE_ROLES as readonly unknown[]).includes(value);
}

const REGISTER_WORDING: FormWording = {
  name: { required: 'Enter your name, as you would like us to address you.' },
  password: { required: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.` },
};

export function RegisterPage() {
  usePageTitle('Create your account');
  const registration = useRegister();
  const [params] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(registration.error, formRef, REGISTER_WORDING);
  const next = params.get('next');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = new FormData(event.currentTarget);
    const role = form.get('role');
    const body: RegisterRequest = {
      name: String(form.get('name') ?? '').trim(),
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
      role: isSelfRegisterableRole(role) ? role : 'driver',
    };
    // The emailed link signs the person in, maybe in a new tab: it brings them back to `next` (their checkout).
    registration.mutate(body, { onSuccess: () => rememberReturnPath(next) });
  }

  if (registration.isSuccess) {
    const { email, message } = registration.data;
    return (
      <AuthCard
        title="Check your email"
        lead={message}
        footer={
          <p>
            Already confirmed? <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>Sign in</Link>
          </p>
        }
      >
        <div className="check-email" data-testid="check-email">
          <p>
            Open the link in the email to <strong>{email}</strong> to confirm the address; it signs you in
            {next?.startsWith('/driver/checkout')
              ? ' and brings you back to your checkout in this browser.'
              : '. You can book parking once the address is confirmed.'}
          </p>
          <p>Nothing there after a few minutes? Look in the spam folder, or ask for another link.</p>
          <ResendVerificationButton email={email} />
        </div>
      </AuthCard>
    );
  }

  const roleErrors = fieldMessages['role'];
  return (
    <AuthCard
      title="Create your account"
      lead={
        next?.startsWith('/driver/checkout')
          ? 'Create an account to book this space: we email you a link to confirm your address, and it brings you back to your checkout.'
          : 'It takes a minute: we email you a link to confirm your address, then you can book or list parking.'
      }
      footer={
        <p>
          Already have an account? <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>Sign in</Link>
        </p>
      }
    >
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <FormAlert message={formMessage} />
        <FormField label="Full name" name="name" autoComplete="name" required maxLength={120} errors={fieldMessages['name']} />
        <FormField label="Email" name="email" type="email" autoComplete="email" required errors={fieldMessages['email']} />
        <NewPasswordField label="Password" name="password" errors={fieldMessages['password']} />
        <fieldset
          className={roleErrors?.length ? 'field field--invalid choice-group' : 'field choice-group'}
          aria-describedby={roleErrors?.length ? 'role-error' : undefined}
        >
          <legend>How will you use AIParksit?</legend>
          {SELF_REGISTERABLE_ROLES.map((role, index) => (
            <label key={role} className="choice">
              <input type="radio" name="role" value={role} defaultChecked={index === 0} />
              <span>
                <strong>{ROLE_CHOICES[role].label}</strong>
                <span className="choice__description">{ROLE_CHOICES[role].description}</span>
              </span>
            </label>
          ))}
          {roleErrors?.length ? (
            <ul id="role-error" className="field__errors" data-field-error="role">
              {roleErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <button type="submit" className="button button--primary button--block" disabled={registration.isPending}>
          {registration.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  );
}
