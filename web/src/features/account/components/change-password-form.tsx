import { useRef, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { useFormErrors } from '../../../components/use-form-errors';
import { useChangePassword } from '../api/change-password';
import { NewPasswordField } from '../../../components/new-password-field';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(change.error, formRef);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = new FormData(event.currentTarget);
    const body = { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') };
    change.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form" aria-label="Change password">
      <FormAlert message={formMessage} />
      {change.isSuccess && (
        <p className="notice" role="status">
          Password changed. Other devices signed in to your account have been signed out.
        </p>
      )}
      <FormField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldMessages['currentPassword']}
      />
      <NewPasswordField label="New password" name="newPassword" errors={fieldMessages['newPassword']} />
      <button type="submit" className="button button--primary" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
