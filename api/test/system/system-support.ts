import request from 'supertest';
import type { SystemStatus } from '@aiparksit/shared';
import { bearer } from '../support/factories.js';

/** Asks until the answer satisfies the check (snapshots are refreshed every few seconds), or fails with the last answer. */
export async function statusUntil(
  url: string,
  token: string,
  check: (status: SystemStatus) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<SystemStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: SystemStatus | undefined;
  for (;;) {
    const res = await request(url).get('/api/system/status').set('authorization', bearer(token));
    expect(res.status).toBe(200);
    last = res.body as SystemStatus;
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last status: ${JSON.stringify(last).slice(0, 3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
