import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountsPage, AccountState, AccountView, AuthTokens, CreateAccountRequest, Role } from '@aiparksit/shared';
import { hashPassword, passwordWeakness, randomSecret, sha256, type UserPrincipal } from '../access/index.js';
import { AuditLog } from '../audit/index.js';
import { AuthService, type ClientInfo } from '../auth/index.js';
import { AppConfig } from '../config/index.js';
import { isCheckViolation, isUniqueViolation } from '../database/index.js';
import { ACCOUNT_INVITATION_EMAIL, type AccountInvitationPayload } from '../notifications/index.js';
import { OutboxService } from '../outbox/index.js';
import { accountStateOf } from './account-state.js';
import { AccountsException } from './accounts.exception.js';
import { AccountsRepository, type AccountRow, type InvitationLookup } from './accounts.repository.js';
import { fieldError } from '../common/errors/index.js';

export interface AccountQuery {
  role?: Role | undefined;
  q?: string | undefined;
  state?: AccountState | undefined;
  page: number;
  pageSize: number;
}

function toAccountView(row: AccountRow): AccountView {
  const state = accountStateOf(row);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    state,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    invitationExpiresAt: state === 'invited' ? (row.invitationExpiresAt?.toISOString() ?? null) : null,
  };
}

const NOT_FOUND = 'No such account.';

/**
 * Account management for admins: investors and admins cannot register themselves, so an admin
 * creates them and the owner chooses a password through an emailed single-use link. Disabling
 * ends the account's sessions, API keys and sockets at once on every instance. Every change is
 * written to the audit log, refusals included.
 */
@Injectable()
export class AccountsService {
  private readonly invitationTtlMs: number;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.invitationTtlMs = config.values.accountInvitationTtlSeconds * 1000;
  }

  async list(query: AccountQuery): Promise<AccountsPage> {
    const { items, total } = await this.accounts.list({
      role: query.role,
      q: query.q?.trim() || undefined,
      state: query.state,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: items.map(toAccountView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<AccountView> {
    return toAccountView(await this.require(id));
  }

  /** The account, its invitation and the email carrying the link commit together, or none of them. */
  async create(admin: UserPrincipal, request: CreateAccountRequest): Promise<AccountView> {
    const token = randomSecret();
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const userId = await this.accounts.insertInvited(manager, request);
        await this.accounts.replaceInvitation(manager, { userId, tokenHash: sha256(token), expiresAt: this.invitationExpiry(), createdBy: admin.userId });
        const payload: AccountInvitationPayload = { userId, token };
        await this.outbox.enqueue(ACCOUNT_INVITATION_EMAIL, payload, manager);
        return userId;
      });
    } catch (error) {
      const refusal = isUniqueViolation(error, 'users_email_key')
        ? new AccountsException('email_taken', 'An account with this email already exists.', {
            fields: [fieldError('email', 'taken', undefined, 'an account with this email already exists')],
          })
        : isCheckViolation(error)
          ? new AccountsException('account_rejected', 'The email or name is not in a form we can store.')
          : undefined;
      if (!refusal) throw error;
      await this.audit.record({
        actorId: admin.userId,
        action: 'account-created',
        target: request.email,
        outcome: 'failed',
        message: refusal.message,
        details: { role: request.role },
      });
      throw refusal;
    }
    this.outbox.trigger();
    const view = await this.get(id);
    await this.audit.record({
      actorId: admin.userId,
      action: 'account-created',
      target: id,
      outcome: 'succeeded',
      message: `${view.role === 'admin' ? 'Admin' : 'Investor'} account ${view.email} created; invitation sent`,
      details: { email: view.email, role: view.role, invitationExpiresAt: view.invitationExpiresAt },
    });
    return view;
  }

  /** A new link for an account still waiting for its password; the earlier links stop working. */
  async resendInvitation(admin: UserPrincipal, id: string): Promise<AccountView> {
    const account = await this.require(id);
    const state = accountStateOf(account);
    if (state !== 'invited') {
      const message =
        state === 'disabled'
          ? 'This account is disabled: enable it before sending an invitation.'
          : 'This account already has a password: there is nothing to accept.';
      await this.audit.record({
        actorId: admin.userId,
        action: 'invitation-resent',
        target: id,
        outcome: 'failed',
        message,
        details: { email: account.email, state },
      });
      throw new AccountsException('not_invited', message, { state });
    }
    const token = randomSecret();
    await this.dataSource.transaction(async (manager) => {
      await this.accounts.replaceInvitation(manager, { userId: id, tokenHash: sha256(token), expiresAt: this.invitationExpiry(), createdBy: admin.userId });
      const payload: AccountInvitationPayload = { userId: id, token };
      await this.outbox.enqueue(ACCOUNT_INVITATION_EMAIL, payload, manager);
    });
    this.outbox.trigger();
    const view = await this.get(id);
    await this.audit.record({
      actorId: admin.userId,
      action: 'invitation-resent',
      target: id,
      outcome: 'succeeded',
      message: `New invitation sent to ${view.email}; earlier links no longer work`,
      details: { email: view.email, invitationExpiresAt: view.invitationExpiresAt },
    });
    return view;
  }

  /**
   * The account stops working at once: the authentication guard checks the account on every
   * request (access tokens and API keys alike), its refresh tokens are revoked, and every API
   * instance closes its sockets on the NOTIFY sent with the change. An admin cannot disable
   * their own account, so the last admin cannot lock everyone out by a slip.
   */
  async disable(admin: UserPrincipal, id: string): Promise<AccountView> {
    if (id === admin.userId) {
      const message = 'You cannot disable your own account; ask another admin.';
      await this.audit.record({ actorId: admin.userId, action: 'account-disabled', target: id, outcome: 'failed', message });
      throw new AccountsException('cannot_disable_self', message);
    }
    await this.require(id);
    const changed = await this.accounts.disable(id);
    const view = await this.get(id);
    await this.audit.record({
      actorId: admin.userId,
      action: 'account-disabled',
      target: id,
      outcome: 'succeeded',
      message: changed ? `${view.email} disabled; its sessions, API keys and sockets were ended` : `${view.email} was already disabled`,
      details: { email: view.email, role: view.role, changed },
    });
    return view;
  }

  async enable(admin: UserPrincipal, id: string): Promise<AccountView> {
    await this.require(id);
    const changed = await this.accounts.enable(id);
    const view = await this.get(id);
    await this.audit.record({
      actorId: admin.userId,
      action: 'account-enabled',
      target: id,
      outcome: 'succeeded',
      message: changed ? `${view.email} enabled; its owner can sign in again` : `${view.email} was not disabled`,
      details: { email: view.email, role: view.role, changed },
    });
    return view;
  }

  /**
   * The invited person's chosen password, with the emailed token; signs them in. The password is
   * judged as at registration, with the account's email and name as words an attacker knows. Of
   * two uses of one token only the first succeeds; the rest hear why the link stopped working.
   */
  async acceptInvitation(token: string, password: string, client: ClientInfo): Promise<AuthTokens> {
    const tokenHash = sha256(token);
    const invitation = await this.accounts.findInvitation(tokenHash);
    const unusable = invitation ? whyUnusable(invitation) : new AccountsException('invalid_invitation', INVALID_INVITATION, { field: 'token' });
    if (unusable) throw unusable;
    const weakness = passwordWeakness(password, [invitation!.email, invitation!.name]);
    if (weakness)
      throw new AccountsException('weak_password', `password ${weakness}`, { fields: [fieldError('password', 'weak_password', { reason: weakness })] });
    const userId = await this.accounts.acceptInvitation(tokenHash, await hashPassword(password));
    if (!userId) {
      // Used, replaced or disabled meanwhile: say which, as a second attempt would hear.
      const now = await this.accounts.findInvitation(tokenHash);
      throw (now && whyUnusable(now)) ?? new AccountsException('invalid_invitation', INVALID_INVITATION, { field: 'token' });
    }
    return this.auth.signInWithProof(userId, client);
  }

  private invitationExpiry(): Date {
    return new Date(Date.now() + this.invitationTtlMs);
  }

  private async require(id: string): Promise<AccountRow> {
    const account = await this.accounts.findById(id);
    if (!account) throw new AccountsException('account_not_found', NOT_FOUND);
    return account;
  }
}

const INVALID_INVITATION = 'This invitation link is not valid: open it from the email again, or ask an admin for a new one.';

function whyUnusable(invitation: InvitationLookup): AccountsException | undefined {
  if (invitation.used)
    return new AccountsException('invitation_used', 'This invitation was already used and the password is set. Sign in with it instead.', { field: 'token' });
  if (invitation.replaced)
    return new AccountsException('invitation_replaced', 'A newer invitation was sent to this address: open the link in the latest email.', { field: 'token' });
  if (invitation.accountDisabled) return new AccountsException('invalid_invitation', 'This account has been disabled; ask an admin.', { field: 'token' });
  if (invitation.expired)
    return new AccountsException('invitation_expired', 'This invitation has expired. Ask an admin to send a new one.', { field: 'token' });
  return undefined;
}
