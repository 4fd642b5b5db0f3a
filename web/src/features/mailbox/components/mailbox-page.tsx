import { useId, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { useMailbox, useMailboxMessage } from '../api/mailbox';
import { MailAttachments } from './mail-attachments';

const sentAt = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

const PAGE_SIZE = 20;

/** Emails delivered to the local mailbox (no SMTP server configured), newest first. */
export function MailboxPage() {
  usePageTitle('Mailbox');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const to = params.get('to') ?? '';
  const mailbox = useMailbox({ page, pageSize: PAGE_SIZE, ...(to ? { to } : {}) });
  const lastPage = mailbox.data ? Math.max(1, Math.ceil(mailbox.data.total / PAGE_SIZE)) : 1;
  const goTo = (next: { page?: number; to?: string }) => {
    const search = new URLSearchParams();
    const nextTo = next.to ?? to;
    if (nextTo) search.set('to', nextTo);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };
  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    goTo({ to: String(new FormData(event.currentTarget).get('to') ?? '').trim(), page: 1 });
  }
  return (
    <>
      <PageHeader eyebrow="Admin" title="Mailbox">
        <p>Emails the platform sent while no SMTP server is configured.</p>
      </PageHeader>
      <section className="panel">
        <form className="form form--inline" onSubmit={filter} noValidate key={to}>
          <div className="field">
            <label htmlFor={`${id}-to`}>Recipient</label>
            <input id={`${id}-to`} name="to" type="email" defaultValue={to} placeholder="any" />
          </div>
          <button type="submit" className="button button--secondary">
            Filter
          </button>
        </form>
        {mailbox.isPending && <LoadingState label="Loading messages…" />}
        {mailbox.isError && <ErrorState message={describeError(mailbox.error)} onRetry={() => void mailbox.refetch()} />}
        {mailbox.data && mailbox.data.items.length === 0 && (
          <EmptyState title="No messages">
            <p>{to ? `Nothing was sent to ${to}.` : 'Booking confirmations and notices appear here once sent.'}</p>
          </EmptyState>
        )}
        {mailbox.data && mailbox.data.items.length > 0 && (
          <>
            <div className="table-scroll">
              <table className="table mailbox">
                <caption className="visually-hidden">Messages</caption>
                <thead>
                  <tr>
                    <th scope="col">Subject</th>
                    <th scope="col">To</th>
                    <th scope="col">Sent</th>
                  </tr>
                </thead>
                <tbody>
                  {mailbox.data.items.map((message) => (
                    <tr key={message.id}>
                      <td>
                        <Link to={`/admin/mailbox/${message.id}`}>{message.subject}</Link>
                        {message.attachments.length > 0 && (
                          <span className="field__hint">
                            {' '}
                            · {message.attachments.length} {message.attachments.length === 1 ? 'attachment' : 'attachments'}
                          </span>
                        )}
                      </td>
                      <td>{message.to}</td>
                      <td>{sentAt(message.sentAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label="Mailbox pages">
              <button type="button" className="button button--ghost" disabled={page <= 1} onClick={() => goTo({ page: page - 1 })}>
                Newer
              </button>
              <span>
                Page {page} of {lastPage} · {mailbox.data.total} messages
              </span>
              <button type="button" className="button button--ghost" disabled={page >= lastPage} onClick={() => goTo({ page: page + 1 })}>
                Older
              </button>
            </nav>
          </>
        )}
      </section>
    </>
  );
}

/**
 * One message. Its HTML renders in a sandboxed iframe (no scripts, no same-origin access), so
 * whatever an email contains cannot act on the admin's session.
 */
export function MailboxMessagePage() {
  const { messageId = '' } = useParams();
  const message = useMailboxMessage(messageId);
  usePageTitle(message.data?.subject ?? 'Message');
  if (message.isPending) return <LoadingState label="Loading the message…" />;
  if (message.isError)
    return message.error instanceof ApiError && message.error.status === 404 ? (
      <EmptyState title="Message not found">
        <p>
          <Link to="/admin/mailbox">Back to the mailbox</Link>
        </p>
      </EmptyState>
    ) : (
      <ErrorState message={describeError(message.error)} onRetry={() => void message.refetch()} />
    );
  const mail = message.data;
  return (
    <>
      <PageHeader eyebrow="Mailbox" title={mail.subject} />
      <section className="panel">
        <dl className="details">
          <dt>To</dt>
          <dd>{mail.to}</dd>
          <dt>Sent</dt>
          <dd>{sentAt(mail.sentAt)}</dd>
        </dl>
        <MailAttachments messageId={mail.id} attachments={mail.attachments} />
        <iframe className="mail-frame" title={`Email: ${mail.subject}`} sandbox="" srcDoc={mail.html} />
        <details>
          <summary>Plain-text version</summary>
          <pre className="mail-text">{mail.text}</pre>
        </details>
        <p>
          <Link to="/admin/mailbox">Back to the mailbox</Link>
        </p>
      </section>
    </>
  );
}
