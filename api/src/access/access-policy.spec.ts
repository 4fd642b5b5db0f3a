import { DomainException, type DomainErrorKind } from '../common/errors/index.js';
import { mayAccess, ownerFilterFor, requireAccess } from './access-policy.js';
import type { ApiKeyPrincipal, UserPrincipal } from './principal.js';

class ThingNotFound extends DomainException<'thing_not_found'> {
  readonly kind: DomainErrorKind = 'not_found';
  constructor() {
    super('thing_not_found', 'No such thing.');
  }
}

const user = (userId: string, role: UserPrincipal['role']): UserPrincipal => ({ kind: 'user', userId, role, sessionId: 's', emailVerified: true });
const key = (ownerId: string): ApiKeyPrincipal => ({ kind: 'api_key', keyId: 'k', ownerId, scopes: ['marketplace:read'] });
const thing = { id: 't1', ownerId: 'alice' };
const notFound = () => new ThingNotFound();

describe('access policy', () => {
  it('lets the owner through', () => {
    expect(requireAccess(user('alice', 'operator'), thing, (t) => t.ownerId, notFound)).toBe(thing);
  });

  it('lets an admin through to anyone’s object', () => {
    expect(mayAccess(user('root', 'admin'), 'alice')).toBe(true);
  });

  it('answers anyone else with the module’s not-found error, the same as for a missing object', () => {
    expect(() => requireAccess(user('mallory', 'operator'), thing, (t) => t.ownerId, notFound)).toThrow(ThingNotFound);
    expect(() => requireAccess(user('alice', 'operator'), undefined, (t: typeof thing) => t.ownerId, notFound)).toThrow(ThingNotFound);
  });

  it('lets an API key act for its owner but never as an admin', () => {
    expect(mayAccess(key('alice'), 'alice')).toBe(true);
    expect(mayAccess(key('root'), 'alice')).toBe(false);
  });

  it('filters lists by owner except for admins', () => {
    expect(ownerFilterFor(user('root', 'admin'))).toBeUndefined();
    expect(ownerFilterFor(user('alice', 'driver'))).toBe('alice');
    expect(ownerFilterFor(key('bob'))).toBe('bob');
  });
});
