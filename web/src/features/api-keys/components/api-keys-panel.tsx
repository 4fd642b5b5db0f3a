import { useRef, useState, type FormEvent } from 'react';
import type { ApiKeyView, CreatedApiKey } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { useFormErrors } from '../../../components/use-form-errors';
import type { FormWording } from '../../../lib/field-messages';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/api-keys';

const KEY_WORDING: FormWording = { name: { required: 'Name the key after where it is used, such as Booking site.' } };

const dateTime = (iso: string | null) => (iso ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—');

/** Keys for integrators' servers (read the marketplace): create, see once, list, revoke. */
export function ApiKeysPanel() {
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <section className="panel stack" aria-labelledby="api-keys">
      <h2 id="api-keys">API keys</h2>
      <p className="field__hint">
        Your systems send a key in the X-API-Key header to read the marketplace. A key is shown once, when it is created; we keep only a hash of it.
      </p>
      <CreateApiKeyForm onCreated={setCreated} />
      {created && <NewKeyNotice apiKey={created} onDone={() => setCreated(null)} />}
      {keys.isPending && <LoadingState label="Loading your keys…" />}
      {keys.isError && <ErrorState message={describeError(keys.error)} onRetry={() => void keys.refetch()} />}
      {keys.data?.length === 0 && (
        <EmptyState title="No API keys yet">
          <p>Create one for each system that reads AIParksit, so you can revoke them one at a time.</p>
        </EmptyState>
      )}
      {keys.data && keys.data.length > 0 && <ApiKeyTable keys={keys.data} />}
    </section>
  );
}

function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateApiKey();
  const { fieldMessages, formMessage, checkFields } = useFormErrors(create.error, formRef, KEY_WORDING);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = event.currentTarget;
    create.mutate(
      { name: String(new FormData(form).get('name') ?? '').trim() },
      {
        onSuccess: (key) => {
          form.reset();
          onCreated(key);
        },
      },
    );
  }
  return (
    <form ref={formRef} className="form form--inline" onSubmit={submit} noValidate aria-label="Create an API key">
      <FormField label="Key name" name="name" hint="Where it is used, e.g. “Booking site”." required maxLength={80} errors={fieldMessages['name']} />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create key'}
      </button>
      <FormAlert message={formMessage} />
    </form>
  );
}

function NewKeyNotice({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (permissions, plain http): the key stays selectable.
      setCopied('failed');
    }
  }
  return (
    <div className="notice" role="status" data-testid="new-api-key">
      <p>
        <strong>{apiKey.name}</strong>: copy this key now. It will not be shown again.
      </p>
      <p>
        <code
          className="booking-code"
          data-testid="new-api-key-value"
          onFocus={(event) => window.getSelection()?.selectAllChildren(event.currentTarget)}
          tabIndex={0}
        >
          {apiKey.key}
        </code>
      </p>
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy key'}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          I have saved it
        </button>
      </div>
      {copied === 'failed' && <p className="field__hint">Copying was not allowed here: select the key and copy it by hand.</p>}
    </div>
  );
}

function ApiKeyTable({ keys }: { keys: ApiKeyView[] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="api-key-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key begins</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKeyView }) {
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-api-key={apiKey.name}>
      <th scope="row">{apiKey.name}</th>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{dateTime(apiKey.createdAt)}</td>
      <td>{dateTime(apiKey.lastUsedAt)}</td>
      <td>
        {apiKey.revokedAt ? (
          <span className="badge badge--cancelled">Revoked {dateTime(apiKey.revokedAt)}</span>
        ) : (
          <span className="badge badge--confirmed">Active</span>
        )}
      </td>
      <td>
        {!apiKey.revokedAt &&
          (confirming ? (
            <span className="toolbar">
              <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={() => revoke.mutate(apiKey.id)}>
                Yes, revoke {apiKey.name}
              </button>
              <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
              Revoke
            </button>
          ))}
        {revoke.error && <p className="form-alert">{describeError(revoke.error)}</p>}
      </td>
    </tr>
  );
}
