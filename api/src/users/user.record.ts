import type { Role, UserView } from '@aiparksit/shared';

/** A users row as the repository returns it (never sent as is: it may carry the hash). */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
  emailVerifiedAt: Date | null;
}

export interface UserCredentials extends UserRecord {
  /** Null for an invited account whose owner has not chosen a password yet. */
  passwordHash: string | null;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: Role;
  /** Accounts an admin creates are verified by the admin; self-registered ones by the emailed link. */
  emailVerified: boolean;
}

export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    emailVerified: user.emailVerifiedAt !== null,
  };
}
