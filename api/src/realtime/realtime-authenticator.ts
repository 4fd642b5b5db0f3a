import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { WS_ADMIN_PATH, WS_CLOSE_CODES, WS_INVESTOR_PATH, WS_OPERATOR_PATH } from '@aiparksit/shared';
import { ApiKeysService } from '../api-keys/index.js';
import { AuthService } from '../auth/index.js';
import { handshakeCredentials } from './handshake-credentials.js';
import { RealtimeRepository } from './realtime.repository.js';
import type { SocketIdentity } from './realtime-session.js';

export type HandshakeOutcome = { identity: SocketIdentity } | { refuse: { code: number; reason: string } };

/**
 * Decides who is on a new socket. `/ws` is public: no credentials is an anonymous browser. On
 * either path, credentials that are presented but wrong close the socket with 4401 rather than
 * silently downgrading it, so an integrator with a revoked key learns it at once.
 * `/ws/operator` requires an operator's access token: none or a bad one is 4401, another role's
 * is 4403. `/ws/investor` likewise requires an investor's or an admin's access token, and
 * `/ws/admin` an admin's.
 */
@Injectable()
export class RealtimeAuthenticator {
  constructor(
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
    private readonly realtime: RealtimeRepository,
  ) {}

  async identify(path: string, request: IncomingMessage): Promise<HandshakeOutcome> {
    const credentials = handshakeCredentials(request);
    const operatorPath = path === WS_OPERATOR_PATH;
    const investorPath = path === WS_INVESTOR_PATH;
    const adminPath = path === WS_ADMIN_PATH;

    if (credentials.accessToken !== undefined) {
      const principal = credentials.accessToken ? await this.auth.principalForAccessToken(credentials.accessToken) : undefined;
      if (!principal) return refuse(WS_CLOSE_CODES.unauthenticated, 'The access token is missing, malformed, expired or revoked.');
      if (investorPath && principal.role !== 'investor' && principal.role !== 'admin')
        return refuse(WS_CLOSE_CODES.forbidden, 'Only investors and admins may use the platform feed.');
      if (adminPath && principal.role !== 'admin') return refuse(WS_CLOSE_CODES.forbidden, 'Only admins may use the system feed.');
      if (!operatorPath) return { identity: { role: principal.role, userId: principal.userId, operatorId: null, fidelity: 'full' } };
      if (principal.role !== 'operator') return refuse(WS_CLOSE_CODES.forbidden, 'Only operators may use the operator feed.');
      const operatorId = (await this.realtime.operatorOwnedBy(principal.userId)) ?? null;
      return { identity: { role: 'operator', userId: principal.userId, operatorId, fidelity: 'full' } };
    }

    if (operatorPath)
      return refuse(WS_CLOSE_CODES.unauthenticated, 'Sign in first: the operator feed needs an access token (?token= or the bearer.<token> subprotocol).');

    if (investorPath)
      return refuse(WS_CLOSE_CODES.unauthenticated, 'Sign in first: the platform feed needs an access token (?token= or the bearer.<token> subprotocol).');

    if (adminPath)
      return refuse(WS_CLOSE_CODES.unauthenticated, 'Sign in first: the system feed needs an admin access token (?token= or the bearer.<token> subprotocol).');

    if (credentials.apiKey !== undefined) {
      const key = await this.apiKeys.authenticate(credentials.apiKey);
      if (!key) return refuse(WS_CLOSE_CODES.unauthenticated, 'The API key is not valid or has been revoked.');
      return { identity: { role: 'integrator', userId: key.ownerId, operatorId: null, fidelity: 'full' } };
    }

    return { identity: { role: 'anonymous', userId: null, operatorId: null, fidelity: 'coarse' } };
  }
}

function refuse(code: number, reason: string): HandshakeOutcome {
  return { refuse: { code, reason } };
}
