/**
 * PostgreSQL errors by SQLSTATE (PostgreSQL documentation, appendix A "Error Codes"), whether
 * raised by pg directly or wrapped by TypeORM (a QueryFailedError keeps pg's error as
 * `driverError`). Repositories turn the violations the schema guarantees into domain errors.
 */
export const SQLSTATE = {
  /** A unique constraint or index refused the row. */
  uniqueViolation: '23505',
  /** A CHECK constraint refused the row. */
  checkViolation: '23514',
  /** An exclusion constraint refused the row (e.g. two live bookings of one space overlapping). */
  exclusionViolation: '23P01',
  /** PostgreSQL broke a cycle of waiting transactions by aborting this one; it may simply run again. */
  deadlockDetected: '40P01',
} as const;

export interface PostgresErrorFields {
  code?: string;
  constraint?: string;
}

/** SQLSTATE and constraint name of a PostgreSQL error; both undefined for anything else. */
export function postgresErrorOf(error: unknown): PostgresErrorFields {
  if (!error || typeof error !== 'object') return {};
  const driver = (error as { driverError?: unknown }).driverError;
  const source = (driver && typeof driver === 'object' ? driver : error) as { code?: unknown; constraint?: unknown };
  return {
    code: typeof source.code === 'string' ? source.code : undefined,
    constraint: typeof source.constraint === 'string' ? source.constraint : undefined,
  };
}

function violates(error: unknown, code: string, constraint: string | undefined): boolean {
  const fields = postgresErrorOf(error);
  return fields.code === code && (constraint === undefined || fields.constraint === constraint);
}

/** 23505; with `constraint`, only when that constraint refused the row. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return violates(error, SQLSTATE.uniqueViolation, constraint);
}

/** 23514: input the DTO let through but the table does not accept. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  return violates(error, SQLSTATE.checkViolation, constraint);
}

/** 23P01; with `constraint`, only when that constraint refused the row. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  return violates(error, SQLSTATE.exclusionViolation, constraint);
}
