import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: accounts and credentials, the marketplace core (operators, facilities,
 * spaces, rates, bookings), money (payments, ledger) and the plumbing every module shares
 * (outbox, idempotency keys). Money is integer cents; time is timestamptz in UTC.
 */
export class Foundation1795500000000 implements MigrationInterface {
  name = 'Foundation1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);

    await q.query(`CREATE TYPE user_role AS ENUM ('driver', 'operator', 'investor', 'admin')`);
    await q.query(`
      CREATE TABLE users (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email           citext NOT NULL,
        password_hash   text NOT NULL,
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        role            user_role NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        last_login_at   timestamptz,
        disabled_at     timestamptz,
        CONSTRAINT users_email_key UNIQUE (email),
        CONSTRAINT users_email_shape CHECK (email ~ '^[^@\\s]+@[^@\\s]+$')
      )`);

    // A refresh token is stored only as its SHA-256. Each use rotates it: the old row gets
    // used_at, the new one the same family. Presenting a used token again revokes the family
    // (OAuth 2.0 Security BCP, refresh token rotation with reuse detection).
    await q.query(`
      CREATE TABLE refresh_tokens (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id       uuid NOT NULL,
        token_hash      bytea NOT NULL,
        expires_at      timestamptz NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        used_at         timestamptz,
        revoked_at      timestamptz,
        revoked_reason  text,
        user_agent      text,
        ip              inet,
        CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        prefix          text NOT NULL,
        key_hash        bytea NOT NULL,
        scopes          text[] NOT NULL DEFAULT ARRAY['marketplace:read'],
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_used_at    timestamptz,
        revoked_at      timestamptz,
        CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
        CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
      )`);
    await q.query(`CREATE INDEX api_keys_owner_idx ON api_keys (owner_id)`);

    await q.query(`CREATE TYPE operator_status AS ENUM ('draft', 'submitted', 'approved', 'rejected')`);
    await q.query(`
      CREATE TABLE operators (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id          uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        legal_name        text NOT NULL,
        display_name      text NOT NULL,
        contact_email     citext,
        contact_phone     text,
        status            operator_status NOT NULL DEFAULT 'draft',
        rejection_reason  text,
        submitted_at      timestamptz,
        reviewed_at       timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT operators_owner_key UNIQUE (owner_id)
      )`);

    await q.query(`CREATE TYPE space_type AS ENUM ('standard', 'ev', 'accessible', 'oversize', 'motorcycle')`);
    await q.query(`
      CREATE TABLE facilities (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operator_id           uuid NOT NULL REFERENCES operators (id) ON DELETE RESTRICT,
        name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
        slug                  text NOT NULL,
        description           text NOT NULL DEFAULT '',
        address_line          text NOT NULL,
        city                  text NOT NULL,
        postal_code           text NOT NULL DEFAULT '',
        country_code          char(2) NOT NULL,
        latitude              double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude             double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        time_zone             text NOT NULL,
        currency              char(3) NOT NULL,
        -- { "mon": [["07:00","22:00"]], ..., "sun": [] }; null means open 24/7.
        opening_hours         jsonb,
        amenities             text[] NOT NULL DEFAULT '{}',
        height_limit_cm       integer CHECK (height_limit_cm IS NULL OR height_limit_cm BETWEEN 100 AND 1000),
        photos                text[] NOT NULL DEFAULT '{}',
        min_duration_minutes  integer NOT NULL DEFAULT 30 CHECK (min_duration_minutes BETWEEN 5 AND 1440),
        max_duration_minutes  integer NOT NULL DEFAULT 43200 CHECK (max_duration_minutes BETWEEN 30 AND 43200),
        published             boolean NOT NULL DEFAULT false,
        -- Real-looking rows never shown honestly; a client that asks for one is harvesting.
        is_canary             boolean NOT NULL DEFAULT false,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT facilities_slug_key UNIQUE (slug),
        CONSTRAINT facilities_duration_order CHECK (min_duration_minutes <= max_duration_minutes)
      )`);
    await q.query(`CREATE INDEX facilities_operator_idx ON facilities (operator_id)`);
    await q.query(`CREATE INDEX facilities_city_idx ON facilities (lower(city)) WHERE published`);
    await q.query(`CREATE INDEX facilities_earth_idx ON facilities USING gist (ll_to_earth(latitude, longitude)) WHERE published`);

    await q.query(`
      CREATE TABLE spaces (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id  uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        label        text NOT NULL,
        space_type   space_type NOT NULL,
        active       boolean NOT NULL DEFAULT true,
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spaces_facility_label_key UNIQUE (facility_id, label)
      )`);
    await q.query(`CREATE INDEX spaces_facility_type_idx ON spaces (facility_id, space_type) WHERE active`);

    await q.query(`
      CREATE TABLE rates (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id      uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
        space_type       space_type NOT NULL,
        hourly_cents     integer NOT NULL CHECK (hourly_cents >= 0),
        daily_max_cents  integer CHECK (daily_max_cents IS NULL OR daily_max_cents >= 0),
        -- [{ "days": ["mon",...], "from": "07:00", "to": "10:00", "multiplier": 1.5 }]
        multipliers      jsonb NOT NULL DEFAULT '[]',
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rates_facility_type_key UNIQUE (facility_id, space_type)
      )`);

    await q.query(`CREATE TYPE booking_status AS ENUM ('pending_payment', 'confirmed', 'cancelled', 'expired', 'completed')`);
    // No double booking is PostgreSQL's job: two live bookings of one space never overlap in
    // time. Application checks exist for friendly messages, not for safety.
    await q.query(`
      CREATE TABLE bookings (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code             text NOT NULL,
        driver_id        uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        facility_id      uuid NOT NULL REFERENCES facilities (id) ON DELETE RESTRICT,
        space_id         uuid NOT NULL REFERENCES spaces (id) ON DELETE RESTRICT,
        space_type       space_type NOT NULL,
        period           tstzrange NOT NULL,
        status           booking_status NOT NULL DEFAULT 'pending_payment',
        vehicle_plate    text NOT NULL,
        amount_cents     integer NOT NULL CHECK (amount_cents >= 0),
        currency         char(3) NOT NULL,
        hold_expires_at  timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        confirmed_at     timestamptz,
        cancelled_at     timestamptz,
        CONSTRAINT bookings_code_key UNIQUE (code),
        CONSTRAINT bookings_period_valid CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
        CONSTRAINT bookings_hold_has_expiry CHECK (status <> 'pending_payment' OR hold_expires_at IS NOT NULL),
        CONSTRAINT bookings_no_overlap EXCLUDE USING gist (space_id WITH =, period WITH &&)
          WHERE (status IN ('pending_payment', 'confirmed'))
      )`);
    await q.query(`CREATE INDEX bookings_driver_idx ON bookings (driver_id, lower(period) DESC)`);
    await q.query(`CREATE INDEX bookings_facility_period_idx ON bookings USING gist (facility_id, period) WHERE status IN ('pending_payment', 'confirmed')`);
    await q.query(`CREATE INDEX bookings_hold_expiry_idx ON bookings (hold_expires_at) WHERE status = 'pending_payment'`);

    await q.query(`CREATE TYPE payment_status AS ENUM ('succeeded', 'declined', 'failed', 'refunded', 'partially_refunded')`);
    await q.query(`
      CREATE TABLE payments (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id       uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
        provider         text NOT NULL,
        provider_ref     text,
        status           payment_status NOT NULL,
        amount_cents     integer NOT NULL CHECK (amount_cents >= 0),
        refunded_cents   integer NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
        currency         char(3) NOT NULL,
        card_brand       text,
        card_last4       char(4),
        failure_code     text,
        failure_reason   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payments_refund_bound CHECK (refunded_cents <= amount_cents)
      )`);
    await q.query(`CREATE INDEX payments_booking_idx ON payments (booking_id)`);
    // At most one successful charge per booking, whatever the client retries.
    await q.query(
      `CREATE UNIQUE INDEX payments_one_success_per_booking ON payments (booking_id) WHERE status IN ('succeeded', 'refunded', 'partially_refunded')`,
    );

    await q.query(`CREATE TYPE ledger_account AS ENUM ('gross', 'platform_fee', 'operator_net', 'refund', 'refund_platform_fee', 'refund_operator_net')`);
    await q.query(`
      CREATE TABLE ledger_entries (
        id            bigserial PRIMARY KEY,
        booking_id    uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
        payment_id    uuid REFERENCES payments (id) ON DELETE RESTRICT,
        operator_id   uuid NOT NULL REFERENCES operators (id) ON DELETE RESTRICT,
        facility_id   uuid NOT NULL REFERENCES facilities (id) ON DELETE RESTRICT,
        account       ledger_account NOT NULL,
        amount_cents  bigint NOT NULL,
        currency      char(3) NOT NULL,
        occurred_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entries_booking_idx ON ledger_entries (booking_id)`);
    await q.query(`CREATE INDEX ledger_entries_facility_time_idx ON ledger_entries (facility_id, occurred_at)`);

    // Side effects (emails, webhooks) are written here in the same transaction as the change
    // that causes them; a worker delivers them with retries, so a crash loses nothing.
    await q.query(`CREATE TYPE outbox_status AS ENUM ('pending', 'sent', 'failed')`);
    await q.query(`
      CREATE TABLE outbox (
        id               bigserial PRIMARY KEY,
        kind             text NOT NULL,
        payload          jsonb NOT NULL,
        status           outbox_status NOT NULL DEFAULT 'pending',
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        last_error       text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        sent_at          timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending'`);

    // Replays of POSTs that create money or bookings. Scoped by the caller so two clients
    // cannot collide on a key; the request hash tells a retry from a different request.
    await q.query(`
      CREATE TABLE idempotency_keys (
        principal        text NOT NULL,
        key              text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        method           text NOT NULL,
        path             text NOT NULL,
        request_hash     bytea NOT NULL,
        response_status  integer,
        response_body    jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL DEFAULT now() + interval '24 hours',
        PRIMARY KEY (principal, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'outbox',
      'ledger_entries',
      'payments',
      'bookings',
      'rates',
      'spaces',
      'facilities',
      'operators',
      'api_keys',
      'refresh_tokens',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    for (const type of ['outbox_status', 'ledger_account', 'payment_status', 'booking_status', 'space_type', 'operator_status', 'user_role']) {
      await q.query(`DROP TYPE IF EXISTS ${type}`);
    }
  }
}
