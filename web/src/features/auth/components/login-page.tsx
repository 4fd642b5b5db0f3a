import { useRef, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FORGOT_PASSWORD_PATH, type LoginRequest } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { useLogin } from '../api/login';
import { AuthCard } from './auth-card';
import { useFormErrors } from '../../../components/use-form-errors';
import { usePageTitle } from '../../../components/use-page-title';

export function LoginPage() {
  usePageTitle('Sign in');
  const login = useLogin();
  const [params] = useSearchParams();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(login.error, formRef);
  const next = params.get('next');
  const expired = (location.state as { expired?: boolean } | null)?.expired;
  // "Book" on a car park sends visitors here first; the account is asked for only now.
  const toCheckout = next?.startsWith('/driver/checkout') ?? false;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = new FormData(event.currentTarget);
    const body: LoginRequest = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    // Signing in only starts the session; the public-route guard (app/routes) takes the person on.
    login.mutate(body);
  }

  return (
    <AuthCard
      title="Sign in"
      lead={
        toCheckout
          ? 'Sign in to book this space. You will come straight back to your checkout, with the same car park, times and space type.'
          : next
            ? 'Sign in to continue to the page you asked for.'
            : 'Welcome back. Sign in to your AIParksit account.'
      }
      footer={
        <p>
          New to AIParksit? <Link to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>Create an account</Link>
          {toCheckout && ' to book: it takes a minute.'}
        </p>
      }
    >
      {expired && !login.error && <p className="notice">Your session has ended. Please sign in again.</p>}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <FormAlert message={formMessage} />
        <FormField label="Email" name="email" type="email" autoComplete="email" required errors={fieldMessages['email']} />
        <FormField label="Password" name="password" type="password" autoComplete="current-password" required errors={fieldMessages['password']} />
        <p className="form__aside">
          <Link to={FORGOT_PASSWORD_PATH}>Forgot password?</Link>
        </p>
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
