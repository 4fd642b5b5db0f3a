import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPostmasterOf, liveOwner, processExists, readPostmasterPidFile, stopPostmasterOf, writeOwner } from './postmaster.js';

describe('postmaster.pid', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'aiparksit-postmaster-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads the pid, port and status PostgreSQL writes', () => {
    writeFileSync(join(dataDir, 'postmaster.pid'), `4242\n${dataDir}\n1796600000\n54329\n/tmp\n127.0.0.1\n  5432001         3\nready   \n`);
    expect(readPostmasterPidFile(dataDir)).toEqual({ pid: 4242, port: 54329, status: 'ready' });
  });

  it('reads a missing or garbled file as no server', () => {
    expect(readPostmasterPidFile(dataDir)).toBeNull();
    writeFileSync(join(dataDir, 'postmaster.pid'), 'not a pid\n');
    expect(readPostmasterPidFile(dataDir)).toBeNull();
  });

  it('tells a process working in the data directory from one that merely reused the pid', () => {
    expect(isPostmasterOf(process.pid, process.cwd())).toBe(true);
    expect(isPostmasterOf(process.pid, dataDir)).toBe(false);
  });

  it('leaves alone a process that is not a server of the data directory', async () => {
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'postmaster.pid'), `${bystander.pid}\n${dataDir}\n`);
      await stopPostmasterOf(dataDir, { fastShutdownMs: 100, immediateShutdownMs: 100 });
      expect(processExists(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  it('knows the owner as gone once its process has exited', async () => {
    writeOwner(dataDir);
    expect(liveOwner(dataDir)).toBeNull(); // ourselves: not another running process
    const owner = spawn('sleep', ['60'], { stdio: 'ignore' });
    writeFileSync(join(dataDir, 'aiparksit-owner.pid'), `${owner.pid}\n`);
    expect(liveOwner(dataDir)).toBe(owner.pid);
    const exited = new Promise((r) => owner.once('exit', r));
    owner.kill('SIGKILL');
    await exited;
    expect(liveOwner(dataDir)).toBeNull();
  });
});
