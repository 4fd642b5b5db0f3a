import type { DomainException } from '../common/errors/index.js';
import type { Principal } from './principal.js';

/**
 * The per-object rule every module reuses: an admin may act on any object, the owner on their
 * own, anyone else is told it does not exist. Answering 404 rather than 403 keeps ids from
 * being probed for existence (OWASP API Security Top 10, API1: broken object level authorisation).
 *
 * An API key acts for its owner but never inherits admin rights, even when an admin owns it.
 */
export function mayAccess(principal: Principal, ownerId: string): boolean {
  if (principal.kind === 'user') return principal.role === 'admin' || principal.userId === ownerId;
  return principal.ownerId === ownerId;
}

/**
 * Returns the object when the principal may see it; otherwise throws the module's own
 * not-found error — the same error as for an object that does not exist.
 *
 *   const booking = requireAccess(principal, await this.bookings.findById(id), (b) => b.driverId,
 *     () => new BookingsException('booking_not_found', 'No such booking.'));
 */
export function requireAccess<T>(principal: Principal, object: T | null | undefined, ownerIdOf: (object: T) => string, notFound: () => DomainException): T {
  if (object === null || object === undefined || !mayAccess(principal, ownerIdOf(object))) throw notFound();
  return object;
}

/**
 * For list queries: the owner id to filter on, or `undefined` when the principal sees all rows
 * (an admin user). Keeps the rule in one place when the filter is written in SQL.
 */
export function ownerFilterFor(principal: Principal): string | undefined {
  if (principal.kind === 'user') return principal.role === 'admin' ? undefined : principal.userId;
  return principal.ownerId;
}
