import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';

/** A program from /usr/sbin or the PATH (Debian puts nginx in /usr/sbin, often not on a user's PATH). */
export function findProgram(name: string): string | undefined {
  const dirs = ['/usr/sbin', '/usr/bin', ...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean)];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** What differs between the container and a test run on this machine. */
export interface NginxTestSettings {
  /** Where pid, logs, temp files and the generated config go. */
  workDir: string;
  httpPort: number;
  httpsPort: number;
  /** The loopback port of the stub_status server (NGINX_STATUS_URL). */
  statusPort: number;
  /** `127.0.0.1:<port>` of the API under test. */
  apiAddress: string;
  webRoot: string;
  certDir: string;
  /** Workers must run as some user when nginx starts as root; as anyone else the line is dropped. */
  runAsRoot: boolean;
}

/**
 * The project's nginx.conf with only the container-specific lines replaced. Every replacement
 * must match exactly once, so an edit to nginx.conf that moves one of these lines fails the test
 * loudly instead of leaving a container path in place.
 */
export function nginxConfForTest(conf: string, settings: NginxTestSettings): string {
  const { workDir, httpPort, httpsPort, statusPort, apiAddress, webRoot, certDir, runAsRoot } = settings;
  const rewrites: [RegExp, string][] = [
    [/^user nginx;.*$/m, runAsRoot ? 'user root;' : ''],
    [/^pid \/var\/run\/nginx\.pid;.*$/m, `pid ${workDir}/nginx.pid;`],
    [/\/var\/log\/nginx\//g, `${workDir}/logs/`],
    [/\/var\/cache\/nginx\//g, `${workDir}/cache/`],
    [/^(\s*)listen 80 default_server;.*$/m, `$1listen 127.0.0.1:${httpPort} default_server;`],
    [/^(\s*)listen 443 ssl http2 default_server;.*$/m, `$1listen 127.0.0.1:${httpsPort} ssl http2 default_server;`],
    [/^(\s*)listen 127\.0\.0\.1:8080;.*$/m, `$1listen 127.0.0.1:${statusPort};`],
    [/^(\s*)server api:3005;.*$/m, `$1server ${apiAddress};`],
    [/^(\s*)root \/usr\/share\/nginx\/html;.*$/m, `$1root ${webRoot};`],
    [/\/etc\/nginx\/certs\//g, `${certDir}/`],
  ];
  let result = conf;
  for (const [pattern, replacement] of rewrites) {
    if (!pattern.test(result)) throw new Error(`nginx.conf no longer has a line matching ${pattern}: update the test's rewrites.`);
    pattern.lastIndex = 0;
    result = result.replace(pattern, replacement);
  }
  return result;
}

/** A self-signed certificate for localhost and 127.0.0.1, as fullchain.pem + privkey.pem. */
export function generateSelfSignedCertificate(openssl: string, certDir: string): { cert: string } {
  mkdirSync(certDir, { recursive: true });
  const result = spawnSync(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(certDir, 'privkey.pem'),
      '-out',
      join(certDir, 'fullchain.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl could not make a test certificate: ${result.stderr || result.error?.message}`);
  return { cert: readFileSync(join(certDir, 'fullchain.pem'), 'utf8') };
}

export interface RunningNginx {
  process: ChildProcess;
  output(): string;
  /** nginx's access-log entry for one request id; waits for it, as nginx logs after replying. */
  accessLogEntry(requestId: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Checks the config with `nginx -t`, starts nginx in the foreground and waits for its ports. */
export async function startNginx(binary: string, conf: string, settings: NginxTestSettings): Promise<RunningNginx> {
  const { workDir } = settings;
  mkdirSync(join(workDir, 'logs'), { recursive: true });
  mkdirSync(join(workDir, 'cache'), { recursive: true });
  const confPath = join(workDir, 'nginx.conf');
  writeFileSync(confPath, conf);
  // -p keeps nginx away from /etc/nginx for anything relative; -e sends start-up errors to stderr.
  const args = ['-p', workDir, '-e', 'stderr', '-c', confPath];

  const check = spawnSync(binary, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t rejected the project's nginx.conf:\n${check.stderr}`);

  let output = '';
  const child = spawn(binary, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));

  const deadline = Date.now() + 15_000;
  while (!(await isListening(settings.httpPort)) || !(await isListening(settings.httpsPort)) || !(await isListening(settings.statusPort))) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not listen within 15 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    process: child,
    output: () => output,
    accessLogEntry: async (requestId) => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const entry = readFileSync(join(workDir, 'logs/access.log'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((candidate) => candidate['requestId'] === requestId);
        if (entry) return entry;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`nginx logged no request with id ${requestId}.`);
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        // SIGQUIT: graceful shutdown, workers finish what they are doing.
        child.kill('SIGQUIT');
      }),
  };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
