import { Injectable } from '@nestjs/common';
import type { Page, Role, UserView } from '@aiparksit/shared';
import { hashPassword } from '../access/index.js';
import { isCheckViolation, isUniqueViolation } from '../database/index.js';
import { toUserView, type UserCredentials, type UserRecord } from './user.record.js';
import { UsersException } from './users.exception.js';
import { UsersRepository } from './users.repository.js';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
}

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /**
   * Creates an account. Who may create which role is decided by the caller (self-registration
   * or an admin); uniqueness of the email is PostgreSQL's job, not a prior SELECT that races.
   */
  async createAccount(account: NewAccount): Promise<UserRecord> {
    const passwordHash = await hashPassword(account.password);
    try {
      return await this.users.insert({ email: account.email, passwordHash, name: account.name, role: account.role });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new UsersException('email_taken', 'An account with this email already exists.', { field: 'email' });
      }
      if (isCheckViolation(error)) throw new UsersException('account_rejected', 'The email or name is not in a form we can store.');
      throw error;
    }
  }

  findCredentials(email: string): Promise<UserCredentials | undefined> {
    return this.users.findCredentialsByEmail(email);
  }

  findById(id: string): Promise<UserRecord | undefined> {
    return this.users.findById(id);
  }

  async createByAdmin(account: NewAccount): Promise<UserView> {
    return toUserView(await this.createAccount(account));
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

  recordLogin(id: string): Promise<void> {
    return this.users.recordLogin(id);
  }
}
