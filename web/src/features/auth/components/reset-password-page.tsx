import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FORGOT_PASSWORD_PATH } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { useFormErrors } from '../../../components/use-form-errors';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError } from '../../../lib/api-error';
import { useConfirmPasswordReset } from '../api/password-reset';
import { AuthCard } from './auth-card';
import { NewPasswordField } from '../../../components/new-password-field';

/** The token rides in the link's fragment (`#token=…`), which the browser sends to no server. */
function tokenFromLocation(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && error.envelope?.details?.['code'] === 'invalid_reset_token';
}

/** Where the reset email's link lands: the person chooses a new password, then signs in with it. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [token] = useState(tokenFromLocation);
  const reset = useConfirmPasswordReset();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage } = useFormErrors(isDeadLink(reset.error) ? null : reset.error, formRef);

  useEffect(() => {
    // The secret stays in memory for the form; out of the address bar, history and screenshots.
    if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [token]);

  const askAgain = (
    <p>
      <Link to={FORGOT_PASSWORD_PATH} className="button button--secondary button--block">
        Send me a new link
      </Link>
    </p>
  );

  if (!token || isDeadLink(reset.error)) {
    return (
      <AuthCard
        title="This link does not work"
        lead={token ? 'It was used already or has expired. Ask for a new one.' : 'The link is incomplete: open it from the email again, or ask for a new one.'}
        footer={
          <p>
            Know your password? <Link to="/login">Sign in</Link>
          </p>
        }
      >
        {askAgain}
      </AuthCard>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthCard
        title="Your password is changed"
        lead="Every device that was signed in to your account has been signed out. Sign in with the new password."
        footer={null}
      >
        <p>
          <Link to="/login" className="button button--primary button--block">
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate({ token: token ?? '', password: String(new FormData(event.currentTarget).get('password') ?? '') });
  }

  return (
    <AuthCard
      title="Choose a new password"
      lead="Choosing a new password signs you out on every device."
      footer={
        <p>
          Know your password? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form" aria-label="Choose a new password">
        <FormAlert message={formMessage} />
        <NewPasswordField label="New password" name="password" errors={fieldMessages['password']} />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthCard>
  );
}
