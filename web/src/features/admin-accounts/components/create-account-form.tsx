import { useId, useRef, type FormEvent } from 'react';
import { ADMIN_CREATABLE_ROLES, type AdminCreatableRole } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { useFormErrors } from '../../../components/use-form-errors';
import type { FormWording } from '../../../lib/field-messages';
import { createAccount, useAccountMutation } from '../api/accounts';
import { ROLE_LABELS, dateTime } from './account-labels';

const ACCOUNT_WORDING: FormWording = {
  name: { required: 'Enter the person’s full name.' },
  email: { required: 'Enter the address the invitation goes to.' },
};

const ROLE_PURPOSE: Record<AdminCreatableRole, string> = {
  investor: 'see the platform’s revenue, growth and markets',
  admin: 'see system status and manage accounts',
};

function isCreatableRole(value: unknown): value is AdminCreatableRole {
  return (ADMIN_CREATABLE_ROLES as readonly unknown[]).includes(value);
}

/** Investors and admins cannot register themselves: an admin creates them, and they get an invitation email. */
export function CreateAccountForm() {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const creation = useAccountMutation(createAccount);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(creation.error, formRef, ACCOUNT_WORDING);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const role = data.get('role');
    creation.mutate(
      { name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim(), role: isCreatableRole(role) ? role : 'investor' },
      { onSuccess: () => form.reset() },
    );
  }

  const created = creation.isSuccess ? creation.data : null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New account</h2>
      <p className="accounts__lead">They get an email with a link to choose their password; the link works once.</p>
      <form ref={formRef} className="form form--inline" onSubmit={onSubmit} noValidate aria-label="New account">
        <FormAlert message={formMessage} />
        <FormField label="Full name" name="name" autoComplete="off" required maxLength={120} errors={fieldMessages['name']} />
        <FormField label="Email" name="email" type="email" autoComplete="off" required errors={fieldMessages['email']} />
        <div className={fieldMessages['role']?.length ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} name="role" defaultValue="investor" aria-describedby={`${id}-role-hint`}>
            {ADMIN_CREATABLE_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={creation.isPending}>
          {creation.isPending ? 'Creating…' : 'Create and send invitation'}
        </button>
        {/* Below the whole row: inside the role's field it made that field taller than the others. */}
        <p id={`${id}-role-hint`} className="field__hint accounts__role-hint">
          {ADMIN_CREATABLE_ROLES.map((role) => `${ROLE_LABELS[role]}s ${ROLE_PURPOSE[role]}.`).join(' ')}
        </p>
        {created && (
          <p className="notice" role="status" data-testid="invitation-sent">
            {ROLE_LABELS[created.role]} account for {created.name} created. An invitation is on its way to <strong>{created.email}</strong>; its link works
            until {dateTime(created.invitationExpiresAt)}.
          </p>
        )}
      </form>
    </section>
  );
}
