/**
 * Whether an error means PostgreSQL cannot be reached right now, as opposed to a query it
 * refused: a connection that could not be opened or was cut, a pool that waited in vain, a
 * server shutting down or out of connections. Such a request can succeed a little later, so it
 * is answered 503 with Retry-After; a constraint violation or a syntax error stays what it is.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // The cause chain is short (TypeORM → pg → socket, AggregateError for several addresses); the
  // bound guards against a cycle.
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length && seen < 16; seen++) {
    const current = pending.shift();
    if (!current || typeof current !== 'object') continue;
    const { name, code, message, driverError, cause, errors } = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (UNREACHABLE_SOCKET_CODES.has(code) || isUnavailableSqlState(code))) return true;
    if (name === CONNECTION_LOST_MID_TRANSACTION) return true;
    if (typeof message === 'string' && CONNECTION_LOST_MESSAGES.some((pattern) => pattern.test(message))) return true;
    pending.push(driverError, cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/** How long a client is asked to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATE class 08 (connection exception), 57P01/57P02/57P03 (admin or crash shutdown, cannot
 * connect now) and 53300 (too many connections), per PostgreSQL's errcodes appendix.
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/**
 * TypeORM releases a transaction's query runner itself when the runner's connection fails, and
 * the transaction's next statement (or its COMMIT) then throws this. Our code releases runners
 * only after their last statement, so here it means the connection was lost mid-transaction.
 */
const CONNECTION_LOST_MID_TRANSACTION = 'QueryRunnerAlreadyReleasedError';

/** What node-postgres says, without a code, when a connection ends or the pool cannot hand one out. */
const CONNECTION_LOST_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];
