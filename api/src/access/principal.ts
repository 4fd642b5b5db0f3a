import type { ApiKeyScope, Role } from '@aiparksit/shared';

/** A signed-in person, from a verified access token whose session is still live. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: Role;
  /** The refresh-token family the access token was issued for; logout ends it. */
  sessionId: string;
  /** Read with the role on every request, so a verification takes effect on the next one. */
  emailVerified: boolean;
}

/** An integrator's key: read access to routes marked with `@AllowApiKey`, within its scopes. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  keyId: string;
  ownerId: string;
  scopes: ApiKeyScope[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** The account acting: the user, or the owner of the key. */
export function actorIdOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.userId : principal.ownerId;
}

/** Where the guard leaves the principal on the Fastify request. */
export const PRINCIPAL_REQUEST_KEY = 'principal';

export type RequestWithPrincipal = { [PRINCIPAL_REQUEST_KEY]?: Principal };
