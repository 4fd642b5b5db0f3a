import type { Page } from 'puppeteer-core';
import type { AuthTokens, Role } from '@aiparksit/shared';
import { hashPassword } from '../../../api/src/access/password-hasher.js';
import { apiUrl } from '../../../api/test/support/api-url.js';
import { testPool, unique } from '../../../api/test/support/db.js';
import { VERIFICATION_SUBJECT, verificationLinkIn, verificationTokenIn, waitForEmail } from '../../../api/test/support/mailbox.js';

export interface TestAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

const NAMES: Record<Role, string> = { driver: 'Dora Driver', operator: 'Otto Operator', investor: 'Ivy Investor', admin: 'Alan Admin' };

/** The verification link emailed to `email`, read from the local mailbox the test API delivers to. */
export async function verificationPathFor(email: string): Promise<string> {
  const pool = testPool();
  try {
    const delivered = await waitForEmail(pool, email, VERIFICATION_SUBJECT);
    const link = verificationLinkIn(delivered);
    // The link names PUBLIC_URL; the test opens the same path and fragment on the test server.
    return `${link.pathname}${link.hash}`;
  } finally {
    await pool.end();
  }
}

/** Opens the emailed verification link in the page, as the person would from their inbox. */
export async function openVerificationLink(page: Page, email: string): Promise<void> {
  await page.goto(`${apiUrl()}${await verificationPathFor(email)}`, { waitUntil: 'domcontentloaded' });
}

/**
 * A fresh, confirmed account of `role`: drivers and operators sign up as anyone can and confirm
 * the address with the link from the mailbox; others go in by SQL, as an admin would create them.
 */
export async function createAccount(role: Role): Promise<TestAccount> {
  const account: TestAccount = { role, email: `${unique(role)}@example.test`, name: NAMES[role], password: 'a-long-enough-password-42' };
  if (role === 'driver' || role === 'operator') {
    const response = await fetch(`${apiUrl()}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password, name: account.name, role }),
    });
    if (response.status !== 202) throw new Error(`Registering a ${role} answered ${response.status}: ${await response.text()}`);
    const pool = testPool();
    let token: string;
    try {
      token = verificationTokenIn(await waitForEmail(pool, account.email, VERIFICATION_SUBJECT));
    } finally {
      await pool.end();
    }
    const verified = await fetch(`${apiUrl()}/api/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (verified.status !== 200) throw new Error(`Verifying a ${role} answered ${verified.status}: ${await verified.text()}`);
    (await verified.json()) as AuthTokens;
    return account;
  }
  const pool = testPool();
  try {
    await pool.query('INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ($1, $2, $3, $4, now())', [
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
