import { isDatabaseUnavailable } from './database-unavailable.js';

/** What TypeORM throws: its own error around the driver's. */
const queryFailed = (driverError: object) => Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError });
const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a refused connection on every address', new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], '')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that waited in vain', new Error('timeout exceeded when trying to connect')],
    ['a connection timeout with its cause', new Error('Connection terminated due to connection timeout', { cause: new Error('timeout') })],
    ['a server shutting down (57P01)', queryFailed(pgError('57P01', 'terminating connection due to administrator command'))],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', pgError('08006')],
    ['too many connections (53300)', pgError('53300')],
    [
      "a transaction's next statement after its connection failed (TypeORM released the runner)",
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', queryFailed(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['an exclusion violation', queryFailed(pgError('23P01'))],
    ['a syntax error', queryFailed(pgError('42601'))],
    ['a statement timeout (57014)', queryFailed(pgError('57014'))],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not loop on a cyclic cause', () => {
    const error = new Error('a') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
