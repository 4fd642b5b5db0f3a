import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApiKeyScope } from '@aiparksit/shared';
import type { ApiKeyRecord } from './api-key.record.js';

const KEY_COLUMNS = `id, owner_id AS "ownerId", name, prefix, scopes, created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export interface NewApiKey {
  ownerId: string;
  name: string;
  prefix: string;
  keyHash: Buffer;
  scopes: ApiKeyScope[];
}

/** SQL for integrators' keys; only the SHA-256 of a key is ever stored. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    const rows: ApiKeyRecord[] = await this.dataSource.query(
      `INSERT INTO api_keys (owner_id, name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4, $5::text[]) RETURNING ${KEY_COLUMNS}`,
      [key.ownerId, key.name, key.prefix, key.keyHash, key.scopes],
    );
    return rows[0]!;
  }

  async countActive(ownerId: string): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(`SELECT count(*)::int AS count FROM api_keys WHERE owner_id = $1 AND revoked_at IS NULL`, [
      ownerId,
    ]);
    return rows[0]!.count;
  }

  listByOwner(ownerId: string): Promise<ApiKeyRecord[]> {
    return this.dataSource.query(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE owner_id = $1 ORDER BY created_at DESC, id`, [ownerId]);
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    const rows: ApiKeyRecord[] = await this.dataSource.query(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return rows[0];
  }

  async revoke(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
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
