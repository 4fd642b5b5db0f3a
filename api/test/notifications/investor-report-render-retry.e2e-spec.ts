import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import request from 'supertest';
import { bearer, createUser, loginAs } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { settledOutboxRow } from './notification-fixtures.js';
import { scratchPool } from './scratch-pool.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const describeWithChromium = existsSync(SYSTEM_CHROMIUM) ? describe : describe.skip;

/**
 * A report whose PDF cannot be rendered at first is retried by the outbox like a refused send.
 * The API's only Chromium is a script that fails the first time it is started (as a browser that
 * cannot start would) and runs the real one afterwards; the reports module waits a while before
 * it tries a browser that failed again, so this takes some tens of seconds.
 */
describeWithChromium('investor report whose first render fails', () => {
  const database = `notifications_render_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'aiparksit-flaky-chromium-'));
  let smtp: SmtpTestServer;
  let api: RunningApi;
  let pool: pg.Pool;

  beforeAll(async () => {
    const wrapper = join(dir, 'chromium');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ ! -e "${dir}/started-once" ]; then touch "${dir}/started-once"; echo "simulated: the browser cannot start" >&2; exit 1; fi\nexec ${SYSTEM_CHROMIUM} "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer();
    api = await startApiServer({
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      CHROMIUM_PATH: wrapper,
      REPORT_CHROMIUM_SOURCES: 'path',
      OUTBOX_POLL_INTERVAL_MS: '100',
      OUTBOX_RETRY_BASE_MS: '1000',
      OUTBOX_RETRY_MAX_MS: '4000',
      OUTBOX_MAX_ATTEMPTS: '40',
    });
    pool = scratchPool(databaseUrl);
  }, 150_000);

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the email pending with the render error, retries it with backoff, and sends it once the PDF renders', async () => {
    const investor = await createUser(pool, { role: 'investor' });
    const tokens = await loginAs(api.url, investor);
    const res = await request(api.url)
      .post('/api/notifications/email')
      .set('authorization', bearer(tokens))
      .send({ userId: investor.id, template: 'investor-report', report: { type: 'platform-overview', from: '2026-06-01', to: '2026-06-30' } })
      .expect(202);
    const outboxId = res.body.outboxId as string;

    const [message] = await smtp.waitForMessages(1, 120_000);
    expect(message!.rcptTo).toEqual([investor.email]);
    expect(message!.mail.attachments.filter((a) => a.content.subarray(0, 4).toString('latin1') === '%PDF')).toHaveLength(1);
    const row = await settledOutboxRow(pool, outboxId);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBeGreaterThan(1);
    expect(row.lastError).toMatch(/chromium|browser|PDF/i);
    expect(smtp.received).toHaveLength(1);
  });
});
