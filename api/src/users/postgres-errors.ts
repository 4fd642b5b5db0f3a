/**
 * Recognises PostgreSQL errors by SQLSTATE, whether raised by pg directly or wrapped by TypeORM
 * (QueryFailedError keeps the driver's error as `driverError`).
 */
interface PgErrorFields {
  code?: string;
  constraint?: string;
}

function pgFields(error: unknown): PgErrorFields {
  if (!error || typeof error !== 'object') return {};
  const driver = (error as { driverError?: unknown }).driverError;
  const source = (driver && typeof driver === 'object' ? driver : error) as PgErrorFields;
  return { code: source.code, constraint: source.constraint };
}

/** 23505: a unique constraint refused the row; `constraint` narrows it to one of them. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fields = pgFields(error);
  return fields.code === '23505' && (constraint === undefined || fields.constraint === constraint);
}

/** 23514: a CHECK constraint refused the row (input the DTO let through but the table does not accept). */
export function isCheckViolation(error: unknown): boolean {
  return pgFields(error).code === '23514';
}
