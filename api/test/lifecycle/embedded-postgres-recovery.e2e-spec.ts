import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { embeddedPostgresBinaries, postgresOsUser } from '../../src/database/embedded-postgres.js';
import { TEST_SERVER_ENV, freePort, startApiServer, type RunningApi } from '../support/system.mjs';

const START_WITHIN_MS = 180_000;
const STOP_WITHIN_MS = 90_000;

/** Polls until `check` holds; the limits are generous, for a loaded machine. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, withinMs = STOP_WITHIN_MS): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every process working in the data directory: the postmaster and its backends make it their cwd. */
function processesIn(dataDir: string): number[] {
  const target = realpathSync(dataDir);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return realpathSync(`/proc/${name}/cwd`) === target;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function postmasterPid(dataDir: string): number | null {
  try {
    return Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return null;
  }
}

function exitOf(api: RunningApi): Promise<number | null> {
  const child = api.process;
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
}

/** SIGTERM, then wait as long as it takes (the harness's own stop escalates to SIGKILL after 10 s). */
async function terminate(api: RunningApi): Promise<number | null> {
  const exited = exitOf(api);
  api.process.kill('SIGTERM');
  return exited;
}

/** As root, PostgreSQL and its tools run as the OS user `postgres`. */
function asPostgresUser(): { uid?: number; gid?: number } {
  return userInfo().uid === 0 ? postgresOsUser() : {};
}

describe('embedded PostgreSQL after a crash (no DATABASE_URL)', () => {
  let root: string;
  let dataDir: string;
  let env: Record<string, string>;
  let databaseUrl: string;
  let running: RunningApi | undefined;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'aiparksit-recovery-'));
    chmodSync(root, 0o755);
    dataDir = join(root, 'pg');
    const pgPort = await freePort();
    env = { ...TEST_SERVER_ENV, DATABASE_URL: '', EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) };
    databaseUrl = `postgres://postgres:aiparksit-embedded@127.0.0.1:${pgPort}/postgres`;
  });

  afterEach(async () => {
    if (running && running.process.exitCode === null && running.process.signalCode === null) await running.stop();
    running = undefined;
    // Never leave a server behind, whatever failed.
    const left = postmasterPid(dataDir);
    if (left !== null && processesIn(dataDir).includes(left)) process.kill(left, 'SIGQUIT');
    await eventually('the data directory has no processes left', () => processesIn(dataDir).length === 0).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }, STOP_WITHIN_MS * 2);

  async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  }

  it('starts again after the API was killed with SIGKILL, on the same data, and leaves no PostgreSQL behind on SIGTERM', async () => {
    const first = await startApiServer(env, START_WITHIN_MS);
    running = first;
    await query(`INSERT INTO users (email, password_hash, name, role) VALUES ('survivor@example.test', 'x', 'Survivor', 'driver')`);
    const orphan = postmasterPid(dataDir)!;

    first.process.kill('SIGKILL');
    await exitOf(first);
    // The premise: the killed API could not stop its PostgreSQL, which still holds port and data.
    expect(processExists(orphan)).toBe(true);

    const second = await startApiServer(env, START_WITHIN_MS);
    running = second;
    expect(second.output()).toContain(`left running in ${dataDir}`);
    expect(await query(`SELECT name FROM users WHERE email = 'survivor@example.test'`)).toEqual([{ name: 'Survivor' }]);
    expect(processExists(orphan)).toBe(false);
    const health = await fetch(`${second.url}/api/health`);
    expect(health.status).toBe(200);

    expect(await terminate(second)).toBe(0);
    running = undefined;
    await eventually('no process works in the data directory', () => processesIn(dataDir).length === 0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 600_000);

  it('stops on SIGTERM the PostgreSQL that was restarted from outside while it ran', async () => {
    const api = await startApiServer(env, START_WITHIN_MS);
    running = api;
    const before = postmasterPid(dataDir)!;

    const { pg_ctl } = await embeddedPostgresBinaries();
    const restart = spawnSync(pg_ctl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '120', '-l', join(dataDir, 'restart.log'), 'restart'], {
      ...asPostgresUser(),
      encoding: 'utf8',
    });
    expect(restart.status).toBe(0);
    const after = postmasterPid(dataDir)!;
    expect(after).not.toBe(before);
    expect(processExists(after)).toBe(true);
    await eventually('the API answers on the restarted database', async () => (await fetch(`${api.url}/api/health`)).status === 200);

    expect(await terminate(api)).toBe(0);
    running = undefined;
    await eventually('the restarted postmaster has exited', () => !processExists(after));
    await eventually('no process works in the data directory', () => processesIn(dataDir).length === 0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 600_000);

  it('starts over a stale postmaster.pid, whether its pid is dead or now belongs to another process, and leaves that process alone', async () => {
    const first = await startApiServer(env, START_WITHIN_MS);
    running = first;
    expect(await terminate(first)).toBe(0);
    running = undefined;
    const staleLines = (pid: number) => `${pid}\n${dataDir}\n1796600000\n${env['EMBEDDED_PG_PORT']}\n/tmp\n127.0.0.1\n        0         0\nready   \n`;

    // A pid that is gone: PostgreSQL replaces such a file itself.
    const gone = spawnSync('true').pid;
    writeFileSync(join(dataDir, 'postmaster.pid'), staleLines(gone));
    running = await startApiServer(env, START_WITHIN_MS);
    expect(await terminate(running)).toBe(0);
    running = undefined;

    // A pid reused by an unrelated process of the server's own OS user: PostgreSQL alone would
    // take it for a running server and refuse to start.
    const bystander = spawn('sleep', ['600'], { ...asPostgresUser(), stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'postmaster.pid'), staleLines(bystander.pid!));
      running = await startApiServer(env, START_WITHIN_MS);
      expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
      expect(processExists(bystander.pid!)).toBe(true);
      expect(await terminate(running)).toBe(0);
      running = undefined;
      expect(processExists(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill('SIGKILL');
    }
  }, 600_000);
});
