import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { useMailbox, useMailboxMessage } from '../api/mailbox';

const sentAt = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** Emails delivered to the local mailbox (no SMTP server configured), newest first. */
export function MailboxPage() {
  usePageTitle('Mailbox');
  const mailbox = useMailbox();
  return (
    <>
      <PageHeader eyebrow="Admin" title="Mailbox">
        <p>Emails the platform sent while no SMTP server is configured.</p>
      </PageHeader>
      <section className="panel">
        {mailbox.isPending && <LoadingState label="Loading messages…" />}
        {mailbox.isError && <ErrorState message={describeError(mailbox.error)} onRetry={() => void mailbox.refetch()} />}
        {mailbox.data && mailbox.data.length === 0 && (
          <EmptyState title="No messages">
            <p>Booking confirmations and notices appear here once sent.</p>
          </EmptyState>
        )}
        {mailbox.data && mailbox.data.length > 0 && (
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
              {[...mailbox.data]
                .sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))
                .map((message) => (
                  <tr key={message.id}>
                    <td>
                      <Link to={`/admin/mailbox/${message.id}`}>{message.subject}</Link>
                    </td>
                    <td>{message.to}</td>
                    <td>{sentAt(message.sentAt)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
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
