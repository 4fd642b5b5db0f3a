import type { MailboxAttachment } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { describeError } from '../../../lib/api-error';
import { useDownloadMailboxAttachment } from '../api/mailbox';
import { formatFileSize } from './file-size';

/** The files sent with a message, each downloadable with the admin's session. */
export function MailAttachments({ messageId, attachments }: { messageId: string; attachments: MailboxAttachment[] }) {
  const download = useDownloadMailboxAttachment();
  if (attachments.length === 0) return null;
  const downloading = download.isPending ? download.variables?.attachment.id : undefined;
  return (
    <section className="mail-attachments" aria-label="Attachments">
      <h2>Attachments</h2>
      <ul>
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <span className="mail-attachments__name">{attachment.filename}</span>{' '}
            <span className="field__hint">
              {attachment.contentType}, {formatFileSize(attachment.sizeBytes)}
            </span>{' '}
            <button
              type="button"
              className="button button--secondary"
              disabled={downloading === attachment.id}
              aria-label={`Download ${attachment.filename}`}
              onClick={() => download.mutate({ messageId, attachment })}
            >
              {downloading === attachment.id ? 'Downloading…' : 'Download'}
            </button>
          </li>
        ))}
      </ul>
      <FormAlert message={download.error ? `The download failed: ${describeError(download.error)}` : null} />
    </section>
  );
}
