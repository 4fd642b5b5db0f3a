import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SystemActionName, SystemActionRequest } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { ApiError, describeError } from '../../../lib/api-error';
import { useSystemAction, type ActionOutcome } from '../api/system-status';

interface ActionDefinition {
  name: SystemActionName;
  label: string;
  /** What happens, said in the confirmation dialog. */
  confirm: string;
  /** What the action asks for before it runs. */
  asks?: 'client' | 'range' | 'recipient';
}

const ACTIONS: readonly ActionDefinition[] = [
  { name: 'retry-failed-emails', label: 'Retry failed emails', confirm: 'Every email whose delivery failed is queued again and sent by the outbox.' },
  {
    name: 'release-lapsed-holds',
    label: 'Release lapsed holds',
    confirm: 'Booking holds whose payment time has run out are released now, and their spaces offered again.',
  },
  {
    name: 'lift-harvest-block',
    label: 'Lift a harvesting block',
    confirm: 'The client is let through the anti-harvesting guard again at once.',
    asks: 'client',
  },
  { name: 'reload-canaries', label: 'Reload canary facilities', confirm: 'Every instance reads the canary facilities again from the database.' },
  {
    name: 'recompute-rollups',
    label: 'Recompute analytics rollups',
    confirm: 'The analytics rollups of these days are computed again from bookings and ledger lines.',
    asks: 'range',
  },
  {
    name: 'send-test-email',
    label: 'Send a test email',
    confirm: 'A test email goes through the outbox and SMTP, to check delivery end to end.',
    asks: 'recipient',
  },
  { name: 'export-diagnostics', label: 'Export diagnostics', confirm: 'A JSON file of this page’s data (secrets masked) is downloaded.' },
];

/** Today and six days before, as local dates: the default day range to recompute. */
function lastWeek(): { from: string; to: string } {
  const local = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const today = new Date();
  return { from: local(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)), to: local(today) };
}

/** An action another part of the page asks for (e.g. "lift this block" on an error row), prefilled. */
export interface ActionRequest {
  action: SystemActionName;
  body: SystemActionRequest;
  /** Distinguishes two requests with the same body: each opens the dialog once. */
  id: number;
}

export function QuickActions({ request }: { request?: ActionRequest | null }) {
  return (
    <section className="panel" aria-labelledby="actions-title" data-testid="card-actions">
      <h2 id="actions-title">
        <span aria-hidden="true">⚡ </span>Quick actions
      </h2>
      <p className="field__hint">Each action asks first, runs on the server and is written to the audit list below with its outcome.</p>
      <ul className="actions">
        {ACTIONS.map((action) => (
          <QuickAction key={action.name} action={action} request={request?.action === action.name ? request : null} />
        ))}
      </ul>
    </section>
  );
}

function QuickAction({ action, request }: { action: ActionDefinition; request: ActionRequest | null }) {
  const mutation = useSystemAction();
  const [openedHere, setOpenedHere] = useState(false);
  // A request from elsewhere opens the dialog until it is answered or cancelled.
  const [doneWith, setDoneWith] = useState<number | null>(null);
  const requested = request !== null && request.id !== doneWith ? request : null;
  const open = openedHere || requested !== null;
  const setOpen = (value: boolean) => {
    setOpenedHere(value);
    if (!value && request) setDoneWith(request.id);
  };
  const [outcome, setOutcome] = useState<ActionOutcome | { outcome: 'failed'; message: string } | null>(null);
  const pending = mutation.isPending;
  return (
    <li className="action" data-testid={`action-${action.name}`}>
      <button
        type="button"
        className="button button--secondary action__button"
        disabled={pending}
        aria-busy={pending}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {pending && <span className="spinner spinner--small" aria-hidden="true" />}
        {pending ? `${action.label}…` : action.label}
      </button>
      <div role="status" aria-live="polite" className="action__outcome">
        {pending && <span className="field__hint">Working…</span>}
        {!pending && outcome && (
          <p className={`action__result action__result--${outcome.outcome}`} data-testid={`outcome-${action.name}`} data-outcome={outcome.outcome}>
            <span aria-hidden="true">{outcome.outcome === 'succeeded' ? '✓ ' : '✕ '}</span>
            {outcome.outcome === 'succeeded' ? 'Done: ' : 'Failed: '}
            {outcome.message}
          </p>
        )}
      </div>
      {open && (
        <ConfirmDialog
          action={action}
          initial={requested?.body ?? {}}
          pending={pending}
          error={mutation.error}
          onCancel={() => setOpen(false)}
          onConfirm={(body) =>
            mutation.mutate(
              { action: action.name, body },
              {
                onSuccess: (result) => {
                  setOutcome(result);
                  setOpen(false);
                },
                onError: (error) => {
                  // A refused input stays in the dialog, next to its field; anything else is the action's outcome.
                  if (error instanceof ApiError && Object.keys(error.fieldMessages).length > 0) return;
                  setOutcome({ outcome: 'failed', message: describeError(error) });
                  setOpen(false);
                },
              },
            )
          }
        />
      )}
    </li>
  );
}

function ConfirmDialog({
  action,
  initial,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  action: ActionDefinition;
  /** Values to start from (a client named on an error row). */
  initial: SystemActionRequest;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (body: SystemActionRequest) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [range] = useState(lastWeek);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const fields = error instanceof ApiError ? error.fieldMessages : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    if (action.asks === 'client') onConfirm({ client: text('client') });
    else if (action.asks === 'range') onConfirm({ from: text('from'), to: text('to') });
    else if (action.asks === 'recipient') onConfirm(text('recipient') ? { recipient: text('recipient') } : {});
    else onConfirm({});
  };
  const titleId = `confirm-${action.name}`;
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <form onSubmit={submit} className="form" noValidate={false}>
        <h2 id={titleId}>{action.label}?</h2>
        <p>{action.confirm}</p>
        {action.asks === 'client' && (
          <FormField
            label="Client"
            name="client"
            required
            hint="As the recent errors name it: user:…, key:… or anon:…"
            defaultValue={initial.client}
            errors={fields['client']}
            autoComplete="off"
          />
        )}
        {action.asks === 'range' && (
          <div className="fieldset-grid">
            <FormField label="From" name="from" type="date" required defaultValue={range.from} errors={fields['from']} />
            <FormField label="To" name="to" type="date" required defaultValue={range.to} errors={fields['to']} />
          </div>
        )}
        {action.asks === 'recipient' && (
          <FormField
            label="Recipient"
            name="recipient"
            type="email"
            hint="Leave empty to send it to your own address."
            errors={fields['recipient']}
            autoComplete="email"
          />
        )}
        <FormAlert message={error && Object.keys(fields).length > 0 ? describeError(error) : null} />
        <div className="confirm-dialog__buttons">
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending} data-testid="confirm-action">
            {pending ? 'Working…' : action.label}
          </button>
        </div>
      </form>
    </dialog>
  );
}
