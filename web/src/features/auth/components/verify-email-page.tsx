import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { takeReturnPath } from '../../../lib/return-path';
import { useResendVerification } from '../../../shared/email-verification';
import { useVerifyEmail } from '../api/verify-email';
import { AuthCard } from './auth-card';

/** The token rides in the link's fragment (`#token=…`), which the browser sends to no server. */
function tokenFromLocation(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

/** Where the emailed link lands: confirms the address, signs the person in, and takes them home. */
export function VerifyEmailPage() {
  usePageTitle('Confirm your email address');
  const verification = useVerifyEmail();
  const navigate = useNavigate();
  const [token] = useState(tokenFromLocation);
  const started = useRef(false);
  const { mutate } = verification;

  useEffect(() => {
    // Once: a link works once, and React may run effects twice in development.
    if (!token || started.current) return;
    started.current = true;
    // The secret has done its job in the address bar; keep it out of history and screenshots.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    // Signed in now: back to the page registration started from (a checkout), else home.
    mutate({ token }, { onSuccess: () => void navigate(takeReturnPath() ?? '/', { replace: true }) });
  }, [token, mutate, navigate]);

  if (token && !verification.isError) {
    return (
      <AuthCard title="Confirming your email address…" lead="One moment: we are checking the link." footer={null}>
        <p className="state" role="status" aria-busy="true">
          Confirming…
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="This link did not work"
      lead={token ? describeError(verification.error) : 'The link is incomplete: open it from the email again, or ask for a new one.'}
      footer={
        <p>
          Confirmed already? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <ResendForm />
    </AuthCard>
  );
}

function ResendForm() {
  const resend = useResendVerification();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    resend.mutate({ email: String(new FormData(event.currentTarget).get('email') ?? '').trim() });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Ask for a new link">
      <FormAlert message={resend.isError ? describeError(resend.error) : null} />
      <FormField label="Email" name="email" type="email" autoComplete="email" required />
      {resend.isSuccess && (
        <p className="notice" role="status">
          If {resend.data.email} has an account still waiting for confirmation, a new link is on its way.
        </p>
      )}
      <button type="submit" className="button button--primary button--block" disabled={resend.isPending}>
        {resend.isPending ? 'Sending…' : 'Send a new link'}
      </button>
    </form>
  );
}
