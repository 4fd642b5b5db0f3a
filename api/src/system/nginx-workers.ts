import { readdir, readFile, readlink } from 'node:fs/promises';

const LISTEN = '0A';

/**
 * How many nginx worker processes serve the local port, found the way `ss -ltnp` finds them:
 * the listening socket's inode in /proc/net/tcp{,6}, then the processes whose open files
 * include that socket and whose title is "nginx: worker process" (workers inherit the master's
 * listening sockets). stub_status does not say how many workers there are. Null when nothing on
 * this host's /proc matches: nginx elsewhere (another container or host), or not ours to read.
 */
export async function countNginxWorkers(port: number, procRoot = '/proc'): Promise<number | null> {
  const inodes = new Set<string>();
  for (const table of ['net/tcp', 'net/tcp6']) {
    const text = await readFile(`${procRoot}/${table}`, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== LISTEN) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && fields[9]) inodes.add(`socket:[${fields[9]}]`);
    }
  }
  if (inodes.size === 0) return null;

  let workers = 0;
  const pids = (await readdir(procRoot).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    const title = await readFile(`${procRoot}/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!title.startsWith('nginx: worker process')) continue;
    const fds = await readdir(`${procRoot}/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`${procRoot}/${pid}/fd/${fd}`).catch(() => '');
      if (inodes.has(target)) {
        workers += 1;
        break;
      }
    }
  }
  return workers > 0 ? workers : null;
}
