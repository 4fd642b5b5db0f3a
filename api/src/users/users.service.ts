import { Injectable } from '@nestjs/common';
import type { Page, Role, UserView } from '@aiparksit/shared';
import { hashPassword } from '../access/index.js';
import { isCheckViolation, isUniqueViolation } from '../database/index.js';
import { toUserView, type NewUser, type UserCredentials, type UserRecord } from './user.record.js';
import { UsersException } from './users.exception.js';
import { UsersRepository } from './users.repository.js';
import { fieldError } from '../common/errors/index.js';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
}

/**
 * What self-registration did: made a new account, replaced an unconfirmed registration of the
 * same address, or found a confirmed account (left untouched, its owner to be told).
 */
export type RegistrationOutcome =
  { kind: 'created'; user: UserRecord } | { kind: 'replaced_unverified'; user: UserRecord } | { kind: 'already_registered'; user: UserRecord };

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /**
   * Creates an account. Who may create which role is decided by the caller (self-registration
   * or an admin); uniqueness of the email is PostgreSQL's job, not a prior SELECT that races.
   */
  async createAccount(account: NewAccount, emailVerified: boolean): Promise<UserRecord> {
    const passwordHash = await hashPassword(account.password);
    try {
      return await this.users.insert({ email: account.email, passwordHash, name: account.name, role: account.role, emailVerified });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new UsersException('email_taken', 'An account with this email already exists.', {
          fields: [fieldError('email', 'taken', undefined, 'an account with this email already exists')],
        });
      }
      if (isCheckViolation(error)) throw new UsersException('account_rejected', 'The email or name is not in a form we can store.');
      throw error;
    }
  }

  /**
   * Self-registration, which must not tell the caller whether the address has an account: the
   * password is hashed whichever way it goes, so both cost the same argon2 work. A registration
   * nobody confirmed is replaced by the newer one, so whoever proves the address by the link
   * gets the password they chose, not one an earlier registrant set (account pre-hijacking).
   */
  async register(account: NewAccount): Promise<RegistrationOutcome> {
    const row: NewUser = {
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await hashPassword(account.password),
      emailVerified: false,
    };
    try {
      return { kind: 'created', user: await this.users.insert(row) };
    } catch (error) {
      if (isCheckViolation(error)) throw new UsersException('account_rejected', 'The email or name is not in a form we can store.');
      if (!isUniqueViolation(error, 'users_email_key')) throw error;
    }
    const replaced = await this.users.replaceUnverified(row);
    if (replaced) return { kind: 'replaced_unverified', user: replaced };
    const existing = await this.users.findByEmail(account.email);
    // Deleted between the insert and now: rare enough to ask the person to try again.
    if (!existing) throw new UsersException('account_rejected', 'The account could not be created just now; try again.');
    return { kind: 'already_registered', user: existing };
  }

  findByEmail(email: string): Promise<UserRecord | undefined> {
    return this.users.findByEmail(email);
  }

  findCredentials(email: string): Promise<UserCredentials | undefined> {
    return this.users.findCredentialsByEmail(email);
  }

  findById(id: string): Promise<UserRecord | undefined> {
    return this.users.findById(id);
  }

  async createByAdmin(account: NewAccount): Promise<UserView> {
    // The admin vouches for the address; an admin-made account can book at once.
    return toUserView(await this.createAccount(account, true));
  }

  async view(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw new UsersException('user_not_found', 'No such user.');
    return toUserView(user);
  }

  async list(page: number, pageSize: number): Promise<Page<UserView>> {
    const { items, total } = await this.users.list((page - 1) * pageSize, pageSize);
    return { items: items.map(toUserView), page, pageSize, total };
  }

  async changePassword(id: string, newPassword: string): Promise<void> {
    await this.users.updatePasswordHash(id, await hashPassword(newPassword));
  }

  recordLogin(id: string): Promise<void> {
    return this.users.recordLogin(id);
  }
}
