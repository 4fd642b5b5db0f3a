import pg from 'pg';

/** A direct connection to the test database, for arranging rows and asserting in SQL. */
export function testPool(): pg.Pool {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: system tests run under the system jest project.');
  return new pg.Pool({ connectionString: url, max: 4 });
}

let counter = 0;
/** A value no other test in this run uses (emails, names, slugs). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
