import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type FindOptionsSelect, type Repository } from 'typeorm';
import type { ApiKeyScope } from '@aiparksit/shared';
import { ApiKeyEntity } from './api-key.entity.js';
import type { ApiKeyRecord } from './api-key.record.js';

/** What a listing shows of a key; never its hash. */
const RECORD_COLUMNS = {
  id: true,
  ownerId: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies FindOptionsSelect<ApiKeyEntity> & Record<keyof ApiKeyRecord, true>;

export interface NewApiKey {
  ownerId: string;
  name: string;
  prefix: string;
  keyHash: Buffer;
  scopes: ApiKeyScope[];
}

/**
 * Integrators' keys; only the SHA-256 of a key is ever stored. Plain reads and writes go through
 * the entity; the two statements that judge a key (joined with its owner, and the write throttled
 * on the database's clock) stay SQL.
 */
@Injectable()
export class ApiKeysRepository {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly dataSource: DataSource,
  ) {}

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    const saved = await this.keys.save(this.keys.create({ ...key, lastUsedAt: null, revokedAt: null }));
    return {
      id: saved.id,
      ownerId: saved.ownerId,
      name: saved.name,
      prefix: saved.prefix,
      scopes: saved.scopes,
      createdAt: saved.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    };
  }

  countActive(ownerId: string): Promise<number> {
    return this.keys.countBy({ ownerId, revokedAt: IsNull() });
  }

  listByOwner(ownerId: string): Promise<ApiKeyRecord[]> {
    return this.keys.find({ select: RECORD_COLUMNS, where: { ownerId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    return (await this.keys.findOne({ select: RECORD_COLUMNS, where: { id } })) ?? undefined;
  }

  async revoke(id: string): Promise<void> {
    await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** A usable key: not revoked, and its owner's account not disabled. */
  async findUsableByHash(keyHash: Buffer): Promise<Pick<ApiKeyRecord, 'id' | 'ownerId' | 'scopes'> | undefined> {
    const rows: Pick<ApiKeyRecord, 'id' | 'ownerId' | 'scopes'>[] = await this.dataSource.query(
      `SELECT k.id, k.owner_id AS "ownerId", k.scopes FROM api_keys k JOIN users u ON u.id = k.owner_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [keyHash],
    );
    return rows[0];
  }

  /** Conditional, so that N API instances together still write at most about once a minute per key. */
  async touchLastUsed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
