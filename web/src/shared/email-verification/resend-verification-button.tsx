import { useResendVerification } from './resend-verification';
import { FormAlert } from '../../components/form-alert';
import { describeError } from '../../lib/api-error';

/** "Send a new link" for an address, with what happened said beside the button. */
export function ResendVerificationButton({ email, label = 'Send a new link' }: { email: string; label?: string }) {
  const resend = useResendVerification();
  return (
    <div className="resend-verification">
      <button type="button" className="button" disabled={resend.isPending} onClick={() => resend.mutate({ email })}>
        {resend.isPending ? 'Sending…' : label}
      </button>
      {resend.isSuccess && (
        <p className="notice" role="status">
          If {email} has an account still waiting for confirmation, a new link is on its way.
        </p>
      )}
      {resend.isError && <FormAlert message={describeError(resend.error)} />}
    </div>
  );
}
