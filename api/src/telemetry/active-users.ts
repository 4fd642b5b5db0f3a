import { PORTALS, type Portal, type Role } from '@aiparksit/shared';

/** The portal a role signs in to: drivers browse the marketplace. */
export function portalOf(role: Role): Portal {
  return role === 'driver' ? 'marketplace' : role;
}

/** At most this many ids per portal go into one heartbeat; past it the row says `truncated`. */
export const MAX_IDS_PER_PORTAL = 5000;

/** What one instance reports: who was active in the window, by portal. */
export interface ActiveUsersReport {
  ids: Record<Portal, string[]>;
  /** Anonymous sockets open on this instance right now (each is one browser tab on the marketplace). */
  anonymousSockets: number;
  truncated: boolean;
}

export interface SocketAudience {
  users: Array<{ userId: string; role: Role | null }>;
  anonymous: number;
}

/**
 * Accounts seen on signed-in requests: one map entry per account, updated in place, so the
 * per-request cost is a lookup and two writes. An API key's owner is recorded with an unknown
 * role, which the heartbeat resolves (one query for all of them) before it reports.
 */
export class ActiveUserLog {
  private readonly seen = new Map<string, { role: Role | null; at: number }>();

  constructor(private readonly windowMs: number) {}

  saw(userId: string, role: Role | null, nowMs: number): void {
    const entry = this.seen.get(userId);
    if (entry) {
      entry.at = nowMs;
      if (role) entry.role = role;
    } else {
      this.seen.set(userId, { role, at: nowMs });
    }
  }

  /** Forgets who fell out of the window; answers the rest, unknown roles included (role null). */
  recent(nowMs: number): Array<{ userId: string; role: Role | null }> {
    const out: Array<{ userId: string; role: Role | null }> = [];
    for (const [userId, entry] of this.seen) {
      if (nowMs - entry.at > this.windowMs) this.seen.delete(userId);
      else out.push({ userId, role: entry.role });
    }
    return out;
  }

  /** Remembers the role of accounts first seen through a key, so they are not looked up again. */
  learnRoles(roles: ReadonlyMap<string, Role>): void {
    for (const [userId, role] of roles) {
      const entry = this.seen.get(userId);
      if (entry && !entry.role) entry.role = role;
    }
  }
}

/** Requests and sockets together, each account once, in the portal of its role. */
export function reportActiveUsers(
  requests: Array<{ userId: string; role: Role | null }>,
  sockets: SocketAudience,
  roleOf: ReadonlyMap<string, Role>,
): ActiveUsersReport {
  const sets = Object.fromEntries(PORTALS.map((p) => [p, new Set<string>()])) as Record<Portal, Set<string>>;
  for (const { userId, role } of [...requests, ...sockets.users]) {
    const known = role ?? roleOf.get(userId);
    if (known) sets[portalOf(known)].add(userId);
  }
  let truncated = false;
  const ids = Object.fromEntries(
    PORTALS.map((p) => {
      const all = [...sets[p]];
      if (all.length > MAX_IDS_PER_PORTAL) truncated = true;
      return [p, all.slice(0, MAX_IDS_PER_PORTAL)];
    }),
  ) as Record<Portal, string[]>;
  return { ids, anonymousSockets: sockets.anonymous, truncated };
}

/**
 * Distinct accounts across instances: an account active on two instances counts once, in one
 * portal (its role is one). Anonymous sockets count as marketplace users: a socket lives on one
 * instance, so their sum does not double count across instances (but does per open tab).
 */
export function mergeActiveUsers(reports: ActiveUsersReport[]): { total: number; byPortal: Record<Portal, number> } {
  const byPortal = Object.fromEntries(PORTALS.map((p) => [p, 0])) as Record<Portal, number>;
  for (const portal of PORTALS) {
    const ids = new Set<string>();
    for (const report of reports) for (const id of report.ids?.[portal] ?? []) ids.add(id);
    byPortal[portal] = ids.size;
  }
  byPortal.marketplace += reports.reduce((sum, r) => sum + (Number(r.anonymousSockets) || 0), 0);
  return { total: PORTALS.reduce((sum, p) => sum + byPortal[p], 0), byPortal };
}
