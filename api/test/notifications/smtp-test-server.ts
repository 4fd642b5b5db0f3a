import { simpleParser, type ParsedMail } from 'mailparser';
import smtpServer, { type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { freePort } from '../support/system.mjs';

export interface ReceivedMessage {
  mail: ParsedMail;
  /** The envelope recipients (RCPT TO). */
  rcptTo: string[];
  receivedAt: number;
}

/** What the server answers to one message's DATA: accept, refuse with a code, or never answer. */
export type DataReply = { accept: true } | { refuse: number; message: string } | { hang: true };

export interface SmtpTestServer {
  url: string;
  /** Messages accepted so far, in order. */
  received: ReceivedMessage[];
  /** Every DATA the server saw, accepted or not, with when it arrived. */
  attempts: { at: number; reply: string }[];
  /** Resolves when `count` messages have been accepted. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  /** Resolves when the server has seen `count` DATA commands (accepted or not). */
  waitForAttempts(count: number, timeoutMs?: number): Promise<void>;
  /** The first accepted message to `to` whose subject starts with `subject`, waiting for it. */
  waitForMessageTo(to: string, subject: string, timeoutMs?: number): Promise<ReceivedMessage>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package), reading every message with
 * `mailparser`. `replyTo(n)` decides the answer to the n-th DATA (0-based); by default all are accepted.
 */
export async function startSmtpTestServer(replyTo: (attempt: number) => DataReply = () => ({ accept: true })): Promise<SmtpTestServer> {
  const received: ReceivedMessage[] = [];
  const attempts: SmtpTestServer['attempts'] = [];
  const server = new smtpServer.SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const reply = replyTo(attempts.length);
      attempts.push({ at: Date.now(), reply: 'accept' in reply ? 'accept' : 'refuse' in reply ? String(reply.refuse) : 'hang' });
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ('hang' in reply) return;
        if ('refuse' in reply) {
          callback(Object.assign(new Error(reply.message), { responseCode: reply.refuse }));
          return;
        }
        // skipImageLinks: keep the HTML as sent (mailparser would otherwise inline cid: images).
        simpleParser(Buffer.concat(chunks), { skipImageLinks: true }).then(
          (mail) => {
            received.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address), receivedAt: Date.now() });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  const waitUntil = async (done: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(`SMTP test server: ${what} did not happen within ${timeoutMs} ms (accepted ${received.length}, DATA seen ${attempts.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    async waitForMessages(count, timeoutMs = 15_000) {
      await waitUntil(() => received.length >= count, `${count} message(s) accepted`, timeoutMs);
      return received.slice(0, count);
    },
    async waitForAttempts(count, timeoutMs = 15_000) {
      await waitUntil(() => attempts.length >= count, `${count} DATA command(s)`, timeoutMs);
    },
    async waitForMessageTo(to, subject, timeoutMs = 30_000) {
      const matches = (m: ReceivedMessage) => m.rcptTo.includes(to) && m.mail.subject?.startsWith(subject) === true;
      await waitUntil(() => received.some(matches), `a message to ${to} about "${subject}"`, timeoutMs);
      return received.find(matches)!;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
