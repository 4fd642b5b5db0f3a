import { useRef, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { useFormErrors } from '../../../components/use-form-errors';
import { usePageTitle } from '../../../components/use-page-title';
import { useRequestPasswordReset } from '../api/password-reset';
import { AuthCard } from './auth-card';

/** "Forgot password?": asks for a link by email. The answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const reset = useRequestPasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage } = useFormErrors(reset.error, formRef);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate({ email: String(new FormData(event.currentTarget).get('email') ?? '').trim() });
  }

  if (reset.isSuccess) {
    return (
      <AuthCard
        title="Check your email"
        lead={reset.data.message}
        footer={
          <p>
            Remembered it? <Link to="/login">Sign in</Link>
          </p>
        }
      >
        <p>The link works once, for a limited time. Nothing arrived? Look in your spam folder, or ask again in a minute.</p>
        <button type="button" className="button button--secondary button--block" onClick={() => reset.reset()}>
          Use another address
        </button>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Reset your password"
      lead="Enter the email address of your account. We send it a link to choose a new password."
      footer={
        <p>
          Remembered it? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form" aria-label="Ask for a reset link">
        <FormAlert message={formMessage} />
        <FormField label="Email" name="email" type="email" autoComplete="email" required errors={fieldMessages['email']} />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
          {reset.isPending ? 'Sending…' : 'Send me a link'}
        </button>
      </form>
    </AuthCard>
  );
}
