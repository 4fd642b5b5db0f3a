import type pg from 'pg';

/** A message as the local mailbox (the API without SMTP_URL) delivered it. */
export interface DeliveredEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Waits for the outbox worker to deliver a message to `to` whose subject matches, and returns
 * the newest such message. The worker polls every few seconds, so this polls generously.
 */
export async function waitForEmail(pool: pg.Pool, to: string, subject: RegExp, { count = 1, timeoutMs = 30_000 } = {}): Promise<DeliveredEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<DeliveredEmail>(
      `SELECT to_address AS "to", subject, text_body AS text, html_body AS html FROM mailbox_messages
        WHERE lower(to_address) = lower($1) ORDER BY sent_at DESC, id DESC`,
      [to],
    );
    const matching = rows.filter((row) => subject.test(row.subject));
    if (matching.length >= count) return matching[0]!;
    if (Date.now() > deadline)
      throw new Error(`No email to ${to} with a subject like ${subject} within ${timeoutMs} ms (got: ${rows.map((r) => r.subject).join('; ')})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The verification link in an email (the same in its text and HTML versions). */
export function verificationLinkIn(email: DeliveredEmail): URL {
  const match = /https?:\/\/\S+\/verify-email#token=[A-Za-z0-9_%-]+/.exec(email.text);
  if (!match) throw new Error(`No verification link in: ${email.text}`);
  return new URL(match[0]);
}

/** The token a verification link carries in its fragment, as the SPA's page reads it. */
export function verificationTokenIn(email: DeliveredEmail): string {
  return decodeURIComponent(new URLSearchParams(verificationLinkIn(email).hash.slice(1)).get('token') ?? '');
}

export const VERIFICATION_SUBJECT = /^Confirm your email address/;
