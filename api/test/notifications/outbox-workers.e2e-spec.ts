import type pg from 'pg';
import { createUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { enqueueNotice, settledOutboxRow } from './notification-fixtures.js';
import { scratchPool } from './scratch-pool.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

const OUTBOX_ID_HEADER = 'x-aiparksit-outbox-id';
/** API start-up can be slow on a busy machine; these tests start several. */
const START_TIMEOUT_MS = 90_000;

/** Several API instances share one outbox; each on a database of this file's own. */
describe('outbox workers in several API instances', () => {
  const database = `notifications_workers_${process.pid}`;
  let databaseUrl: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(database);
    pool = scratchPool(databaseUrl);
  });

  afterAll(async () => {
    await pool?.end();
    await dropScratchDatabase(database);
  });

  describe('two instances polling together', () => {
    let smtp: SmtpTestServer;
    let apis: RunningApi[] = [];

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '20', OUTBOX_BATCH_SIZE: '3' };
      apis = await Promise.all([startApiServer(env, START_TIMEOUT_MS), startApiServer(env, START_TIMEOUT_MS)]);
    }, 2 * START_TIMEOUT_MS);

    afterAll(async () => {
      await Promise.all(apis.map((api) => api.stop()));
      await smtp?.stop();
    });

    it('sends every message exactly once', async () => {
      const driver = await createUser(pool);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push(await enqueueNotice(pool, driver.id, `Notice ${i}`));

      await smtp.waitForMessages(40, 30_000);
      // Both workers keep polling; give a double send the time to show up.
      await new Promise((r) => setTimeout(r, 500));
      const delivered = smtp.received.map((m) => m.mail.headers.get(OUTBOX_ID_HEADER) as string);
      expect(delivered.sort()).toEqual([...ids].sort());

      const { rows } = await pool.query<{ status: string; attempts: number; count: number; workers: number }>(
        `SELECT status::text AS status, attempts, count(*)::int AS count, count(DISTINCT claimed_by)::int AS workers
           FROM outbox WHERE id = ANY($1::bigint[]) GROUP BY status, attempts`,
        [ids],
      );
      expect(rows).toEqual([{ status: 'sent', attempts: 1, count: 40, workers: expect.any(Number) }]);
    });
  });

  describe('a worker that dies in the middle of a send', () => {
    it(
      'leaves the message to the next worker once its lease has run out, which sends it (at least once)',
      async () => {
        // The first DATA is never answered: the worker is killed while it waits (its SMTP timeout is
        // a third of the lease, 3 s, which leaves a busy machine time to kill it first).
        const smtp = await startSmtpTestServer((attempt) => (attempt === 0 ? { hang: true } : { accept: true }));
        const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '50', OUTBOX_LEASE_MS: '9000' };
        const first = await startApiServer(env, START_TIMEOUT_MS);
        let second: RunningApi | undefined;
        try {
          const driver = await createUser(pool);
          const outboxId = await enqueueNotice(pool, driver.id, 'Survives a crash');
          await smtp.waitForAttempts(1);
          first.process.kill('SIGKILL');
          await new Promise((r) => first.process.once('exit', r));

          const killedAt = Date.now();
          second = await startApiServer(env, START_TIMEOUT_MS);
          const [message] = await smtp.waitForMessages(1, 20_000);
          expect(message!.mail.subject).toBe('Survives a crash');
          expect(message!.mail.headers.get(OUTBOX_ID_HEADER)).toBe(outboxId);
          // Not before the dead worker's lease ran out (it began when the message was claimed).
          expect(message!.receivedAt - smtp.attempts[0]!.at).toBeGreaterThanOrEqual(8900);
          expect(message!.receivedAt).toBeGreaterThan(killedAt);

          const row = await settledOutboxRow(pool, outboxId);
          expect(row).toMatchObject({ status: 'sent', attempts: 2 });
        } finally {
          await second?.stop();
          // stop() waits for an exit that a killed process has already had.
          if (first.process.exitCode === null && first.process.signalCode === null) await first.stop();
          await smtp.stop();
        }
      },
      3 * START_TIMEOUT_MS,
    );
  });
});
