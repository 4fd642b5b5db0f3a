import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countNginxWorkers } from './nginx-workers.js';

/** A /proc of our own: the listening sockets' table and processes with their titles and open files. */
function fakeProc(processes: { pid: number; title: string; sockets: number[] }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'fake-proc-'));
  mkdirSync(join(root, 'net'));
  // Port 8080 (1F90) listening (0A) as inode 111; port 80 (0050) as inode 222; 8080 also has an established (01) socket.
  writeFileSync(
    join(root, 'net/tcp'),
    [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0000000000000000 100 0 0 10 0',
      '   1: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0000000000000000 100 0 0 10 0',
      '   2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 333 1 0000000000000000 100 0 0 10 0',
    ].join('\n'),
  );
  writeFileSync(join(root, 'net/tcp6'), '  sl  local_address remote_address st\n');
  for (const { pid, title, sockets } of processes) {
    mkdirSync(join(root, String(pid), 'fd'), { recursive: true });
    writeFileSync(join(root, String(pid), 'cmdline'), `${title}\0`);
    sockets.forEach((inode, fd) => symlinkSync(`socket:[${inode}]`, join(root, String(pid), 'fd', String(fd))));
  }
  return root;
}

describe('countNginxWorkers', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it("counts the worker processes holding the port's listening socket, not the master or another nginx's workers", async () => {
    const root = fakeProc([
      { pid: 10, title: 'nginx: master process nginx -c /etc/nginx/nginx.conf', sockets: [111, 222] },
      { pid: 11, title: 'nginx: worker process', sockets: [111, 222] },
      { pid: 12, title: 'nginx: worker process', sockets: [222, 111] },
      { pid: 20, title: 'nginx: worker process', sockets: [222] },
      { pid: 30, title: 'node api/dist/main.js', sockets: [111] },
    ]);
    roots.push(root);
    expect(await countNginxWorkers(8080, root)).toBe(2);
    expect(await countNginxWorkers(80, root)).toBe(3);
  });

  it('is null when nothing listens on the port here, or no nginx worker holds it', async () => {
    const root = fakeProc([{ pid: 30, title: 'node api/dist/main.js', sockets: [111] }]);
    roots.push(root);
    expect(await countNginxWorkers(9999, root)).toBeNull();
    expect(await countNginxWorkers(8080, root)).toBeNull();
  });
});
