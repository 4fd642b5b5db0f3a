import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLES, type AccountState, type AccountView, type Role, type UserView } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { useNow } from '../../../components/use-now';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { changeAccount, useAccountMutation, useAccounts, type AccountChange, type AccountQuery } from '../api/accounts';
import { ROLE_LABELS, STATE_LABELS, date, dateTime } from './account-labels';
import { ConfirmDialog } from './confirm-dialog';
import { CreateAccountForm } from './create-account-form';
import './admin-accounts.css';

const PAGE_SIZE = 20;
const STATES = Object.keys(STATE_LABELS) as AccountState[];

/** The filters live in the address, so a filtered list can be reloaded, shared and gone back to. */
function queryFrom(params: URLSearchParams): AccountQuery {
  const role = params.get('role') ?? '';
  const state = params.get('state') ?? '';
  return {
    q: params.get('q') ?? '',
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    state: (STATES as string[]).includes(state) ? (state as AccountState) : '',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

/** Every account: find one, create investors and admins, disable and enable, resend invitations. */
export function AccountsPage({ user }: { user: UserView }) {
  usePageTitle('Accounts');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const accounts = useAccounts(query);
  const [outcome, setOutcome] = useState<string | null>(null);
  const lastPage = accounts.data ? Math.max(1, Math.ceil(accounts.data.total / PAGE_SIZE)) : 1;

  const setFilter = (name: 'q' | 'role' | 'state', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next, { replace: name === 'q' });
  };
  const goToPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <>
      <PageHeader eyebrow="Admin" title="Accounts">
        <p>Find any account, see when it last signed in, create investor and admin accounts, and disable accounts that should stop working.</p>
      </PageHeader>
      <CreateAccountForm />
      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>All accounts</h2>
        <form className="form form--inline accounts__filters" role="search" aria-label="Find accounts" onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor={`${id}-q`}>Search</label>
            <SearchInput id={`${id}-q`} initial={query.q} onSearch={(q) => setFilter('q', q)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={query.role} onChange={(event) => setFilter('role', event.target.value)}>
              <option value="">All roles</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-state`}>State</label>
            <select id={`${id}-state`} value={query.state} onChange={(event) => setFilter('state', event.target.value)}>
              <option value="">All states</option>
              {STATES.map((state) => (
                <option key={state} value={state}>
                  {STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </div>
        </form>
        {outcome && (
          <p className="notice" role="status" data-testid="account-outcome">
            {outcome}
          </p>
        )}
        {accounts.isPending && <LoadingState label="Loading accounts…" />}
        {accounts.isError && <ErrorState message={describeError(accounts.error)} onRetry={() => void accounts.refetch()} />}
        {accounts.data?.items.length === 0 && (
          <EmptyState title="No accounts match">
            <p>Try another search, or clear the filters.</p>
          </EmptyState>
        )}
        {accounts.data && accounts.data.items.length > 0 && (
          <>
            <p className="accounts__count" aria-live="polite">
              {accounts.data.total === 1 ? '1 account' : `${accounts.data.total.toLocaleString('en-GB')} accounts`}
            </p>
            <table className="table accounts-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">State</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.data.items.map((account) => (
                  <AccountRow key={account.id} account={account} self={account.id === user.id} onOutcome={setOutcome} />
                ))}
              </tbody>
            </table>
          </>
        )}
        {lastPage > 1 && (
          <nav className="pager" aria-label="Account pages">
            <button type="button" className="button button--secondary" disabled={query.page <= 1} onClick={() => goToPage(query.page - 1)}>
              Previous
            </button>
            <span>
              Page {query.page} of {lastPage}
            </span>
            <button type="button" className="button button--secondary" disabled={query.page >= lastPage} onClick={() => goToPage(query.page + 1)}>
              Next
            </button>
          </nav>
        )}
      </section>
    </>
  );
}

/** Searches once typing pauses, rather than once per key. */
function SearchInput({ id, initial, onSearch }: { id: string; initial: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => latest.current(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return <input id={id} type="search" placeholder="Name or email" value={text} onChange={(event) => setText(event.target.value)} />;
}

const CONFIRMATIONS: Record<'disable' | 'enable', { title: (a: AccountView) => string; body: string; label: string; done: (a: AccountView) => string }> = {
  disable: {
    title: (a) => `Disable ${a.name}?`,
    body: 'They are signed out everywhere at once: their sessions, API keys and live connections stop working, and they cannot sign in until an admin enables the account again.',
    label: 'Disable account',
    done: (a) => `${a.name} (${a.email}) is disabled and signed out everywhere.`,
  },
  enable: {
    title: (a) => `Enable ${a.name}?`,
    body: 'They can sign in again with their password. Sessions ended by disabling stay ended; their API keys work again.',
    label: 'Enable account',
    done: (a) => `${a.name} (${a.email}) is enabled and can sign in again.`,
  },
};

function AccountRow({ account, self, onOutcome }: { account: AccountView; self: boolean; onOutcome: (message: string) => void }) {
  const change = useAccountMutation(changeAccount);
  const now = useNow(60_000);
  const [confirming, setConfirming] = useState<'disable' | 'enable' | null>(null);
  const run = (kind: AccountChange, done: (a: AccountView) => string) =>
    change.mutate(
      { id: account.id, change: kind },
      {
        onSuccess: (updated) => {
          setConfirming(null);
          onOutcome(done(updated));
        },
      },
    );
  const confirmation = confirming ? CONFIRMATIONS[confirming] : null;

  return (
    <tr data-account-email={account.email}>
      <td data-label="Name">
        <span>
          {account.name}
          {self && <span className="accounts__you"> (you)</span>}
        </span>
      </td>
      <td data-label="Email" className="accounts-table__email">
        {account.email}
      </td>
      <td data-label="Role">{ROLE_LABELS[account.role]}</td>
      <td data-label="State">
        <span>
          <span className={`badge account-state account-state--${account.state}`} data-testid="account-state">
            {STATE_LABELS[account.state]}
          </span>
          {account.state === 'invited' && account.invitationExpiresAt && (
            <span className="accounts-table__note">
              {Date.parse(account.invitationExpiresAt) < now ? 'Invitation expired' : `Invitation until ${date(account.invitationExpiresAt)}`}
            </span>
          )}
        </span>
      </td>
      <td data-label="Last sign-in">{dateTime(account.lastSignInAt)}</td>
      <td data-label="Created">{date(account.createdAt)}</td>
      <td data-label="Actions" className="accounts-table__actions-cell">
        <div className="accounts-table__actions">
          {account.state === 'invited' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={change.isPending}
              onClick={() => run('invitation', (a) => `A new invitation is on its way to ${a.email}; the earlier link no longer works.`)}
            >
              Resend invitation
            </button>
          )}
          {account.state === 'disabled' ? (
            <button type="button" className="button button--secondary" onClick={() => setConfirming('enable')}>
              Enable…
            </button>
          ) : (
            !self && (
              <button type="button" className="button button--danger" onClick={() => setConfirming('disable')}>
                Disable…
              </button>
            )
          )}
          {!confirming && change.isError && <FormAlert message={describeError(change.error)} />}
          {confirmation && confirming && (
            <ConfirmDialog
              title={confirmation.title(account)}
              confirmLabel={confirmation.label}
              danger={confirming === 'disable'}
              pending={change.isPending}
              onCancel={() => {
                change.reset();
                setConfirming(null);
              }}
              onConfirm={() => run(confirming, confirmation.done)}
            >
              <p>{confirmation.body}</p>
              <p>
                <strong>{account.email}</strong> · {ROLE_LABELS[account.role]}
              </p>
              <FormAlert message={change.isError ? describeError(change.error) : null} />
            </ConfirmDialog>
          )}
        </div>
      </td>
    </tr>
  );
}
