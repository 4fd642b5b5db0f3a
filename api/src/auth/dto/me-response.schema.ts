import type { ResponseBodySchema } from '../../common/http/index.js';

/** UserViewDto, for response serialisers. */
export const USER_VIEW_SCHEMA: ResponseBodySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    createdAt: { type: 'string' },
    emailVerified: { type: 'boolean' },
  },
  required: ['id', 'email', 'name', 'role', 'createdAt', 'emailVerified'],
};

/** ApiKeyPrincipalViewDto, for response serialisers. */
export const API_KEY_PRINCIPAL_VIEW_SCHEMA: ResponseBodySchema = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    keyId: { type: 'string' },
    ownerId: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
  },
  required: ['kind', 'keyId', 'ownerId', 'scopes'],
};

/**
 * GET /api/auth/me: a user, or an API key (told apart by `kind`). `if` is the only part checked
 * per answer (a `oneOf`/`anyOf` would validate the whole body against each branch).
 */
const IS_API_KEY: ResponseBodySchema = { type: 'object', properties: { kind: { const: 'api_key' } }, required: ['kind'] };

export const ME_RESPONSE_SCHEMA: ResponseBodySchema = {
  if: IS_API_KEY,
  then: API_KEY_PRINCIPAL_VIEW_SCHEMA,
  else: USER_VIEW_SCHEMA,
};
