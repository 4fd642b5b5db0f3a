import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a change to credentials is announced; every API instance LISTENs (auth's credential cache). */
const CHANNEL = 'aiparksit_credentials';

/** What each table's update trigger treats as a change to what a credential check reads. */
const WATCHED = [
  {
    table: 'users',
    owner: 'id',
    // The session check reads role, verification and disabled_at; /api/auth/me shows the rest.
    // email as text: citext's equality would miss a change of letter case.
    columns: ['email::text', 'name', 'role', 'disabled_at', 'email_verified_at', 'created_at'],
  },
  { table: 'refresh_tokens', owner: 'user_id', columns: ['user_id', 'family_id', 'used_at', 'revoked_at', 'expires_at'] },
  { table: 'api_keys', owner: 'owner_id', columns: ['owner_id', 'key_hash', 'scopes', 'revoked_at'] },
] as const;

const tuple = (alias: string, columns: readonly string[]) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;

/**
 * Every API instance keeps a short cache of live sessions and usable API keys, so that a request
 * makes no database round trip to check its credential. These statement-level triggers tell every
 * instance, in the transaction that makes the change, which accounts' credentials changed: a
 * logout or a revoked family (refresh_tokens), a disabled account, a new role or verification
 * (users), a revoked key (api_keys). Triggers rather than calls in the code, so that no path that
 * ends a session (an admin's, a job's, a hand-written UPDATE) can forget to announce it.
 * The payload is the account's id; a statement touching over 100 accounts sends `*` (forget all).
 */
export class CredentialChangeNotices1795503300000 implements MigrationInterface {
  name = 'CredentialChangeNotices1795503300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION announce_credential_changes(account_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(account_ids) > 100 THEN
          PERFORM pg_notify('${CHANNEL}', '*');
        ELSE
          PERFORM pg_notify('${CHANNEL}', id::text) FROM unnest(account_ids) AS id;
        END IF;
      END $$`);
    for (const { table, owner, columns } of WATCHED) {
      await q.query(`CREATE FUNCTION ${table}_credentials_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM announce_credential_changes(ARRAY(
            SELECT o.${owner} FROM previous_rows AS o JOIN changed_rows AS n ON n.id = o.id
             WHERE ${tuple('n', columns)} IS DISTINCT FROM ${tuple('o', columns)}
            UNION
            SELECT n.${owner} FROM previous_rows AS o JOIN changed_rows AS n ON n.id = o.id
             WHERE n.${owner} IS DISTINCT FROM o.${owner}));
          RETURN NULL;
        END $$`);
      await q.query(`CREATE FUNCTION ${table}_credentials_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM announce_credential_changes(ARRAY(SELECT DISTINCT ${owner} FROM previous_rows));
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER ${table}_credentials_updated AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_credentials_updated()`);
      await q.query(`CREATE TRIGGER ${table}_credentials_deleted AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS previous_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_credentials_deleted()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of WATCHED) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_credentials_updated ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_credentials_deleted ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS ${table}_credentials_updated()`);
      await q.query(`DROP FUNCTION IF EXISTS ${table}_credentials_deleted()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS announce_credential_changes(uuid[])`);
  }
}
