import { Injectable } from '@nestjs/common';
import type { ApiKeyScope, ApiKeyView, CreatedApiKey } from '@aiparksit/shared';
import { requireAccess, sha256, type ApiKeyPrincipal, type UserPrincipal } from '../access/index.js';
import { CredentialChanges, type CredentialCache } from '../credential-changes/index.js';
import { looksLikeApiKey, mintApiKey } from './api-key-format.js';
import { toApiKeyView } from './api-key.record.js';
import { ApiKeysException } from './api-keys.exception.js';
import { ApiKeysRepository } from './api-keys.repository.js';

/** Enough for separate integrations and rotation; a bound so a stolen session cannot mint thousands. */
export const MAX_ACTIVE_KEYS_PER_OWNER = 25;
const DEFAULT_SCOPES: ApiKeyScope[] = ['marketplace:read'];
const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const LAST_USED_MEMORY_MAX = 10_000;

@Injectable()
export class ApiKeysService {
  /** When this instance last wrote last_used_at per key: one write a minute, not one per request. */
  private readonly lastUsedWrittenAt = new Map<string, number>();
  /** Usable keys by the hash of the key, forgotten on every instance when the owner's keys or account change. */
  private readonly usableKeys: CredentialCache<ApiKeyPrincipal>;
  /** One check per request, although the rate limiter and authentication both ask. */
  private readonly checked = new WeakMap<object, Promise<ApiKeyPrincipal | undefined>>();

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly credentialChanges: CredentialChanges,
  ) {
    this.usableKeys = credentialChanges.cache<ApiKeyPrincipal>();
  }

  async create(owner: UserPrincipal, name: string): Promise<CreatedApiKey> {
    if ((await this.keys.countActive(owner.userId)) >= MAX_ACTIVE_KEYS_PER_OWNER) {
      throw new ApiKeysException('too_many_api_keys', `At most ${MAX_ACTIVE_KEYS_PER_OWNER} active API keys per account; revoke one first.`);
    }
    const { prefix, key } = mintApiKey();
    const record = await this.keys.insert({ ownerId: owner.userId, name, prefix, keyHash: sha256(key), scopes: DEFAULT_SCOPES });
    return { ...toApiKeyView(record), key };
  }

  async listOwn(owner: UserPrincipal): Promise<ApiKeyView[]> {
    return (await this.keys.listByOwner(owner.userId)).map(toApiKeyView);
  }

  /** Revoking twice is fine; another user's key is "not found", exactly like a missing one. */
  async revoke(principal: UserPrincipal, id: string): Promise<void> {
    const key = requireAccess(
      principal,
      await this.keys.findById(id),
      (k) => k.ownerId,
      () => new ApiKeysException('api_key_not_found', 'No such API key.'),
    );
    try {
      await this.keys.revoke(key.id);
    } finally {
      // At once here; other instances hear of it from the api_keys trigger.
      this.credentialChanges.forgetAccount(key.ownerId);
    }
  }

  /** The principal of a usable key, or undefined for a malformed, unknown or revoked one. */
  async authenticate(presented: string): Promise<ApiKeyPrincipal | undefined> {
    if (!looksLikeApiKey(presented)) return undefined;
    const hash = sha256(presented);
    const cacheKey = hash.toString('base64');
    let principal = this.usableKeys.get(cacheKey);
    if (!principal) {
      const ticket = this.usableKeys.ticket();
      const key = await this.keys.findUsableByHash(hash);
      if (!key) return undefined;
      // Frozen: one object answers many requests.
      principal = Object.freeze({ kind: 'api_key', keyId: key.id, ownerId: key.ownerId, scopes: Object.freeze([...key.scopes]) as ApiKeyScope[] });
      this.usableKeys.set(cacheKey, key.ownerId, principal, ticket);
    }
    this.noteUse(principal.keyId);
    return principal;
  }

  /**
   * `authenticate`, once per `caller` (the request): every later ask during the same request gets
   * the same answer, failures included, without checking the key again.
   */
  authenticateOnce(caller: object, presented: string): Promise<ApiKeyPrincipal | undefined> {
    let checked = this.checked.get(caller);
    if (!checked) {
      checked = this.authenticate(presented);
      this.checked.set(caller, checked);
    }
    return checked;
  }

  private noteUse(keyId: string): void {
    const now = Date.now();
    const last = this.lastUsedWrittenAt.get(keyId);
    if (last !== undefined && now - last < LAST_USED_WRITE_INTERVAL_MS) return;
    if (this.lastUsedWrittenAt.size >= LAST_USED_MEMORY_MAX) this.lastUsedWrittenAt.clear();
    this.lastUsedWrittenAt.set(keyId, now);
    // Bookkeeping only: the request does not wait for it, and a failed write is retried next minute.
    this.keys.touchLastUsed(keyId).catch(() => this.lastUsedWrittenAt.delete(keyId));
  }
}
