import type { AuthTokens, Role } from '@aiparksit/shared';
import { hashPassword } from '../../../api/src/access/password-hasher.js';
import { apiUrl } from '../../../api/test/support/api-url.js';
import { testPool, unique } from '../../../api/test/support/db.js';

export interface TestAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

const NAMES: Record<Role, string> = { driver: 'Dora Driver', operator: 'Otto Operator', investor: 'Ivy Investor', admin: 'Alan Admin' };

/** A fresh account of `role`: drivers and operators sign up as anyone can; others go in by SQL. */
export async function createAccount(role: Role): Promise<TestAccount> {
  const account: TestAccount = { role, email: `${unique(role)}@example.test`, name: NAMES[role], password: 'a-long-enough-password-42' };
  if (role === 'driver' || role === 'operator') {
    const response = await fetch(`${apiUrl()}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password, name: account.name, role }),
    });
    if (response.status !== 201) throw new Error(`Registering a ${role} answered ${response.status}: ${await response.text()}`);
    (await response.json()) as AuthTokens;
    return account;
  }
  const pool = testPool();
  try {
    await pool.query('INSERT INTO users (email, password_hash, name, role) VALUES ($1, $2, $3, $4)', [
      account.email,
      await hashPassword(account.password),
      account.name,
      role,
    ]);
  } finally {
    await pool.end();
  }
  return account;
}
