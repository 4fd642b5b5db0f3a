import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A PostgreSQL server is known by its data directory, not by the process that started it: the
 * postmaster writes `postmaster.pid` there (pid, data directory, start time, port, socket
 * directory, listen address, shared memory key, status) and removes it when it stops. Whoever
 * restarted it (`pg_ctl restart`, a crash and a new start), the file names the server to stop.
 */
export interface PostmasterPidFile {
  pid: number;
  port: number | null;
  /** `starting`, `stopping`, `ready` or `standby`. */
  status: string;
}

const PID_FILE = 'postmaster.pid';
/**
 * Which process started the server on this data directory. Written before the server starts and
 * removed after it stops, so a server whose owner is gone is known to be left over by a process
 * that died without stopping it.
 */
const OWNER_FILE = 'aiparksit-owner.pid';

export function readPostmasterPidFile(dataDir: string): PostmasterPidFile | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PID_FILE), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const port = Number.parseInt(lines[3] ?? '', 10);
  return { pid, port: Number.isInteger(port) ? port : null, status: (lines[7] ?? '').trim() };
}

export function removePostmasterPidFile(dataDir: string): void {
  rmSync(join(dataDir, PID_FILE), { force: true });
}

/** Whether a process with this id exists (EPERM: it does, under another OS user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process is a PostgreSQL server running on this data directory, and not some other
 * process that reused the pid of a stale `postmaster.pid`. The postmaster makes its data
 * directory its working directory; where /proc cannot tell (macOS), its command line names it.
 */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  const expected = realpathOrSelf(dataDir);
  try {
    return realpathSync(`/proc/${pid}/cwd`) === expected;
  } catch {
    // No /proc (macOS), or not allowed to look: ask ps.
  }
  const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  const command = ps.status === 0 ? ps.stdout.trim() : '';
  return /\bpostgres\b/.test(command) && (command.includes(` ${dataDir}`) || command.includes(` ${expected}`));
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Stops the PostgreSQL server running on the data directory, whoever started it: fast shutdown
 * (SIGINT: sessions are ended, a checkpoint is written), and if it has not exited after
 * `fastShutdownMs`, immediate shutdown (SIGQUIT: no checkpoint, the next start recovers from
 * the WAL, nothing committed is lost). Resolves once the process is gone. Nothing to do when no
 * server is running there, or when `postmaster.pid` names a process that is not one.
 */
export async function stopPostmasterOf(dataDir: string, options: { fastShutdownMs?: number; immediateShutdownMs?: number } = {}): Promise<void> {
  const running = readPostmasterPidFile(dataDir);
  if (!running || !processExists(running.pid) || !isPostmasterOf(running.pid, dataDir)) return;
  process.kill(running.pid, 'SIGINT');
  if (await exited(running.pid, options.fastShutdownMs ?? 60_000)) return;
  process.kill(running.pid, 'SIGQUIT');
  if (await exited(running.pid, options.immediateShutdownMs ?? 30_000)) return;
  throw new Error(`PostgreSQL (pid ${running.pid}, data in ${dataDir}) did not stop.`);
}

/**
 * Asks the server on the data directory to stop without waiting: for a process that is exiting
 * anyway (an `exit` handler cannot wait), so that its PostgreSQL does not outlive it.
 */
export function signalPostmasterToStop(dataDir: string): void {
  const running = readPostmasterPidFile(dataDir);
  if (running && processExists(running.pid) && isPostmasterOf(running.pid, dataDir)) process.kill(running.pid, 'SIGINT');
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (processExists(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

export function writeOwner(dataDir: string): void {
  writeFileSync(join(dataDir, OWNER_FILE), `${process.pid}\n`);
}

export function removeOwner(dataDir: string): void {
  rmSync(join(dataDir, OWNER_FILE), { force: true });
}

/** The process recorded as running the server on this data directory, when it is still alive. */
export function liveOwner(dataDir: string): number | null {
  if (!existsSync(join(dataDir, OWNER_FILE))) return null;
  const pid = Number.parseInt(readFileSync(join(dataDir, OWNER_FILE), 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processExists(pid) ? pid : null;
}
