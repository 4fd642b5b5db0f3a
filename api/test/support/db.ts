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

/** Rows made straight in SQL, past every service: a driver, and an approved operator's published car park with one standard space. */
export interface RawCarPark {
  driver: string;
  facility: string;
  space: string;
}

export async function insertRawCarPark(pool: pg.Pool, name: string): Promise<RawCarPark> {
  const owner = await pool.query<{ id: string }>(`INSERT INTO users (email, password_hash, name, role) VALUES ($1, 'x', 'Owner', 'operator') RETURNING id`, [
    `${unique('owner')}@example.test`,
  ]);
  const driver = await pool.query<{ id: string }>(`INSERT INTO users (email, password_hash, name, role) VALUES ($1, 'x', 'Driver', 'driver') RETURNING id`, [
    `${unique('driver')}@example.test`,
  ]);
  const operator = await pool.query<{ id: string }>(
    `INSERT INTO operators (owner_id, legal_name, display_name, status) VALUES ($1, $2, $3, 'approved') RETURNING id`,
    [owner.rows[0]!.id, `${name} Parking Ltd`, `${name} Parking`],
  );
  const facility = await pool.query<{ id: string }>(
    `INSERT INTO facilities (operator_id, name, slug, address_line, city, country_code, latitude, longitude, time_zone, currency, published)
     VALUES ($1, $2, $3, '1 Test Street', 'Testville', 'DE', 52.52, 13.40, 'Europe/Berlin', 'EUR', true) RETURNING id`,
    [operator.rows[0]!.id, `${name} Garage`, unique(`${name.toLowerCase()}-garage`)],
  );
  const space = await pool.query<{ id: string }>(`INSERT INTO spaces (facility_id, label, space_type) VALUES ($1, 'A-1', 'standard') RETURNING id`, [
    facility.rows[0]!.id,
  ]);
  return { driver: driver.rows[0]!.id, facility: facility.rows[0]!.id, space: space.rows[0]!.id };
}
