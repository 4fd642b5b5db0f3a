import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApiKeyPrincipalView, UserView } from '@aiparksit/shared';
import { checkedSerializer, type ResponseBodySchema } from '../../common/http/response-schema/index.js';
import { API_KEY_PRINCIPAL_VIEW_SCHEMA, ME_RESPONSE_SCHEMA, USER_VIEW_SCHEMA } from './me-response.schema.js';

const openApi = JSON.parse(readFileSync(resolve(process.cwd(), 'shared/openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
};

function expectSameShape(schema: ResponseBodySchema, dto: string): void {
  const documented = openApi.components.schemas[dto]!;
  expect(Object.keys(schema['properties'] as object).sort()).toEqual(Object.keys(documented.properties).sort());
  expect([...(schema['required'] as string[])].sort()).toEqual([...(documented.required ?? [])].sort());
}

describe('GET /api/auth/me response schema', () => {
  const serialize = checkedSerializer(ME_RESPONSE_SCHEMA, 'GET /api/auth/me');

  it('serialises a signed-in user exactly as JSON.stringify', () => {
    const user: UserView = {
      id: '6f1c2a9e-0d7b-4c55-9a43-2f3e8b1d7c60',
      email: 'driver@example.test',
      name: 'Zoë "Quoted" \u2028 Driver',
      role: 'driver',
      createdAt: '2026-01-02T03:04:05.000Z',
      emailVerified: false,
    };
    expect(serialize(user)).toBe(JSON.stringify(user));
  });

  it('serialises an API key exactly as JSON.stringify', () => {
    const key: ApiKeyPrincipalView = { kind: 'api_key', keyId: 'k-1', ownerId: 'o-1', scopes: ['marketplace:read'] };
    expect(serialize(key)).toBe(JSON.stringify(key));
  });

  it('lists every property of the documented views', () => {
    expectSameShape(USER_VIEW_SCHEMA, 'UserViewDto');
    expectSameShape(API_KEY_PRINCIPAL_VIEW_SCHEMA, 'ApiKeyPrincipalViewDto');
  });
});
