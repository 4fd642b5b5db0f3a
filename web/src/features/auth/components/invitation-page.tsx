import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { useFormErrors } from '../../../components/use-form-errors';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError } from '../../../lib/api-error';
import { useAcceptInvitation } from '../api/accept-invitation';
import { AuthCard } from './auth-card';
import { NewPasswordField } from '../../../components/new-password-field';

/** Codes after which this link can never work: the page says why instead of asking again. */
const DEAD_LINK_CODES = new Set(['invitation_used', 'invitation_replaced', 'invitation_expired', 'invalid_invitation']);

/**
 * The token rides in the link's fragment (`#token=…`), which the browser sends to no server;
 * `?token=` is read too, for a link typed or pasted by hand.
 */
function tokenFromLocation(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? new URLSearchParams(window.location.search).get('token');
}

function deadLinkMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const code = error.envelope?.details && !Array.isArray(error.envelope.details) ? error.envelope.details['code'] : undefined;
  return typeof code === 'string' && DEAD_LINK_CODES.has(code) ? error.message : null;
}

/** Where an invitation email lands: the invited investor or admin chooses a password and is signed in. */
export function InvitationPage() {
  usePageTitle('Choose your password');
  const [token] = useState(tokenFromLocation);
  const acceptance = useAcceptInvitation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(acceptance.error, formRef);

  useEffect(() => {
    // The secret stays in memory for the form; out of the address bar, history and screenshots.
    if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [token]);

  const deadLink = token ? deadLinkMessage(acceptance.error) : 'The link is incomplete: open it from the invitation email again.';
  if (deadLink) {
    return (
      <AuthCard
        title="This invitation link does not work"
        lead={deadLink}
        footer={
          <p>
            Chose your password already? <Link to="/login">Sign in</Link>
          </p>
        }
      >
        <p>An admin can send you a new invitation from the accounts page.</p>
      </AuthCard>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = new FormData(event.currentTarget);
    // Signed in now: `/` sends a signed-in person to their role's home, as after any sign-in.
    acceptance.mutate({ token: token ?? '', password: String(form.get('password') ?? '') }, { onSuccess: () => void navigate('/', { replace: true }) });
  }

  return (
    <AuthCard
      title="Choose your password"
      lead="An admin created an AIParksit account for you. Choose a password to finish; you are signed in straight away."
      footer={
        <p>
          Have a password already? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <FormAlert message={formMessage} />
        <NewPasswordField label="Password" name="password" errors={fieldMessages['password']} />
        <button type="submit" className="button button--primary button--block" disabled={acceptance.isPending}>
          {acceptance.isPending ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
