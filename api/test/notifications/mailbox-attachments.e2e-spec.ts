import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, MailboxMessage, Page } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, createUser, loginAs, signedInUser, type TestAccount } from '../support/factories.js';
import { settledOutboxRow } from './notification-fixtures.js';
import { pdfText } from '../../../test/support/pdf-text.js';

/** Raw body of a binary answer, whatever its Content-Type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The shared API runs without SMTP_URL: attachments land in the local mailbox, and the admin downloads them. */
describe('local mailbox attachments', () => {
  let pool: pg.Pool;
  let admin: AuthTokens;
  let investor: TestAccount;
  let message: MailboxMessage;

  const asAdmin = {
    mailbox: (query: Record<string, string | number>) => request(apiUrl()).get('/api/notifications/mailbox').query(query).set('authorization', bearer(admin)),
    download: (messageId: string, attachmentId: string, tokens: AuthTokens = admin) =>
      request(apiUrl())
        .get(`/api/notifications/mailbox/${messageId}/attachments/${attachmentId}`)
        .set('authorization', bearer(tokens))
        .buffer(true)
        .parse(binary),
  };

  beforeAll(async () => {
    pool = testPool();
    admin = await loginAs(apiUrl(), await createUser(pool, { role: 'admin' }));
    investor = await createUser(pool, { role: 'investor', name: 'Mia Mailbox' });
    const investorTokens = await loginAs(apiUrl(), investor);
    const sent = await request(apiUrl())
      .post('/api/notifications/email')
      .set('authorization', bearer(investorTokens))
      .send({ userId: investor.id, template: 'investor-report', report: { type: 'platform-overview', from: '2026-08-01', to: '2026-08-31' } })
      .expect(202);
    expect(await settledOutboxRow(pool, sent.body.outboxId, 60_000)).toMatchObject({ status: 'sent' });
    const page = (await asAdmin.mailbox({ to: investor.email }).expect(200)).body as Page<MailboxMessage>;
    message = page.items[0]!;
  }, 90_000);

  /** An admin's notice to a new account, as the mailbox lists it once delivered. */
  async function plainMessage(subject: string): Promise<MailboxMessage> {
    const reader = await createUser(pool);
    const sent = await request(apiUrl())
      .post('/api/notifications/email')
      .set('authorization', bearer(admin))
      .send({ userId: reader.id, template: 'account_notice', subject, message: 'No files.' })
      .expect(202);
    await settledOutboxRow(pool, sent.body.outboxId);
    return ((await asAdmin.mailbox({ to: reader.email }).expect(200)).body as Page<MailboxMessage>).items[0]!;
  }

  afterAll(async () => {
    await pool.end();
  });

  it('lists the PDF on the message, with its name, type and size, in the list and on the message', async () => {
    expect(message.subject).toBe('Platform overview report: August 2026');
    expect(message.attachments).toEqual([
      { id: expect.any(String), filename: expect.stringMatching(/\.pdf$/), contentType: 'application/pdf', sizeBytes: expect.any(Number) },
    ]);
    expect(message.attachments[0]!.sizeBytes).toBeGreaterThan(100);
    const one = await request(apiUrl()).get(`/api/notifications/mailbox/${message.id}`).set('authorization', bearer(admin)).expect(200);
    expect(one.body.attachments).toEqual(message.attachments);
  });

  it('lets the admin download the same bytes that were sent, as an attachment with its content type', async () => {
    const attachment = message.attachments[0]!;
    const res = await asAdmin.download(message.id, attachment.id).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${attachment.filename}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
    );
    const body = res.body as Buffer;
    expect(body.length).toBe(attachment.sizeBytes);
    expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const { rows } = await pool.query<{ content: Buffer }>(`SELECT content FROM mailbox_attachments WHERE id = $1`, [attachment.id]);
    expect(body.equals(rows[0]!.content)).toBe(true);
    expect((await pdfText(body)).replace(/\s+/g, ' ')).toContain('1 August 2026 – 31 August 2026');
  });

  it('answers 404 for an unknown attachment, or one asked for under another message', async () => {
    const attachment = message.attachments[0]!;
    await asAdmin.download(message.id, '00000000-0000-4000-8000-000000000000').expect(404);
    const elsewhere = await plainMessage('Another message');
    const res = await asAdmin.download(elsewhere.id, attachment.id).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    await asAdmin.download(message.id, 'not-an-id').expect(400);
  });

  it('lists no attachments on an email without any', async () => {
    expect((await plainMessage('Plain')).attachments).toEqual([]);
  });

  it('refuses the download to anyone but an admin', async () => {
    const attachment = message.attachments[0]!;
    await request(apiUrl()).get(`/api/notifications/mailbox/${message.id}/attachments/${attachment.id}`).expect(401);
    for (const role of ['driver', 'operator', 'investor'] as const) {
      const { tokens } = await signedInUser(pool, apiUrl(), role);
      await asAdmin.download(message.id, attachment.id, tokens).expect(403);
    }
  });
});
