/**
 * Every setting the API reads, with its default and meaning. `.env.example` mirrors this table,
 * and a unit test keeps the two in step. Values are parsed and checked once, at start-up.
 */
export type ConfigParser<T> = (raw: string) => T;

export interface ConfigVariable<T> {
  env: string;
  description: string;
  /** Used when the variable is unset or empty; `undefined` makes the variable required. */
  default?: string | undefined;
  optional?: boolean;
  sensitive?: boolean;
  parse: ConfigParser<T>;
}

export class ConfigValueError extends Error {}

export const parsers = {
  string: (raw: string): string => raw,
  int:
    (min: number, max: number): ConfigParser<number> =>
    (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) throw new ConfigValueError(`expected a whole number, got "${raw}"`);
      const value = Number.parseInt(raw, 10);
      if (value < min || value > max) throw new ConfigValueError(`expected ${min}..${max}, got ${value}`);
      return value;
    },
  bool: (raw: string): boolean => {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new ConfigValueError(`expected true or false, got "${raw}"`);
  },
  oneOf:
    <const T extends string>(...values: T[]): ConfigParser<T> =>
    (raw) => {
      if (!(values as string[]).includes(raw)) throw new ConfigValueError(`expected one of ${values.join(', ')}, got "${raw}"`);
      return raw as T;
    },
  url:
    (...protocols: string[]): ConfigParser<string> =>
    (raw) => {
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        throw new ConfigValueError('expected a URL');
      }
      if (protocols.length && !protocols.includes(parsed.protocol.replace(/:$/, ''))) {
        throw new ConfigValueError(`expected a ${protocols.join(' or ')} URL`);
      }
      return raw;
    },
  secret:
    (minLength: number): ConfigParser<string> =>
    (raw) => {
      if (raw.length < minLength) throw new ConfigValueError(`expected at least ${minLength} characters`);
      return raw;
    },
  /** `false`, `true`, a hop count, or a comma list of addresses/CIDRs, as Fastify's trustProxy takes. */
  trustProxy: (raw: string): boolean | number | string[] => {
    const v = raw.trim();
    if (v === '' || v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number.parseInt(v, 10);
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  },
  list: (raw: string): string[] =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
};

export const configSchema = {
  nodeEnv: {
    env: 'NODE_ENV',
    description: 'development, production or test; production refuses generated secrets.',
    default: 'development',
    parse: parsers.oneOf('development', 'production', 'test'),
  },
  host: {
    env: 'HOST',
    description: 'Address the HTTP server binds to (0.0.0.0 inside a container).',
    default: '127.0.0.1',
    parse: parsers.string,
  },
  port: {
    env: 'PORT',
    description: 'Port of the API, the SPA and the WebSocket gateway.',
    default: '3005',
    parse: parsers.int(0, 65535),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    description: 'Log level of the JSON logs: fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
    parse: parsers.oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    description: 'PostgreSQL to use. Unset: an embedded PostgreSQL is started with its data in EMBEDDED_PG_DIR.',
    optional: true,
    sensitive: true,
    parse: parsers.url('postgres', 'postgresql'),
  },
  dbPoolSize: {
    env: 'DB_POOL_SIZE',
    description: 'Connections in the API pool (one more is kept for LISTEN).',
    default: '10',
    parse: parsers.int(1, 200),
  },
  chromiumPath: {
    env: 'CHROMIUM_PATH',
    description:
      'Chromium or Chrome that prints PDF reports. Unset: the system one (/usr/bin/chromium, chromium-browser, google-chrome), else the one shipped in @sparticuz/chromium.',
    optional: true,
    parse: parsers.string,
  },
  reportChromiumSources: {
    env: 'REPORT_CHROMIUM_SOURCES',
    description: 'Where PDF export looks for a Chromium, in order: path (CHROMIUM_PATH), system, npm (@sparticuz/chromium).',
    default: 'path,system,npm',
    parse: (raw: string) => {
      const sources = parsers.list(raw);
      const unknown = sources.filter((s) => !['path', 'system', 'npm'].includes(s));
      if (unknown.length) throw new ConfigValueError(`unknown source ${unknown.join(', ')} (expected path, system, npm)`);
      return sources as ('path' | 'system' | 'npm')[];
    },
  },
  reportPdfPoolSize: {
    env: 'REPORT_PDF_POOL_SIZE',
    description: 'Browser tabs kept warm for PDF reports: how many print at once.',
    default: '2',
    parse: parsers.int(1, 32),
  },
  reportPdfQueueSize: {
    env: 'REPORT_PDF_QUEUE_SIZE',
    description: 'PDF reports that may wait for a tab; beyond that export answers 503 with Retry-After.',
    default: '16',
    parse: parsers.int(0, 1000),
  },
  reportPdfTimeoutMs: {
    env: 'REPORT_PDF_TIMEOUT_MS',
    description: 'Longest a PDF report may wait and print before it is given up (503).',
    default: '30000',
    parse: parsers.int(1000, 600_000),
  },
  embeddedPgDir: {
    env: 'EMBEDDED_PG_DIR',
    description: 'Data directory of the embedded PostgreSQL, relative to the project root.',
    default: '.data/postgres',
    parse: parsers.string,
  },
  embeddedPgPort: {
    env: 'EMBEDDED_PG_PORT',
    description: 'Port of the embedded PostgreSQL (bound to 127.0.0.1 only).',
    default: '54329',
    parse: parsers.int(1, 65535),
  },
  loadDemoData: {
    env: 'LOAD_DEMO_DATA',
    description: 'Load the small demo data set when the database has no users.',
    default: 'false',
    parse: parsers.bool,
  },
  jwtAccessSecret: {
    env: 'JWT_ACCESS_SECRET',
    description: 'HMAC secret of access tokens (32+ characters). Unset outside production: generated once and kept in .data/.',
    optional: true,
    sensitive: true,
    parse: parsers.secret(32),
  },
  accessTokenTtlSeconds: {
    env: 'ACCESS_TOKEN_TTL_SECONDS',
    description: 'Lifetime of an access token.',
    default: '900',
    parse: parsers.int(30, 86_400),
  },
  credentialCacheTtlMs: {
    env: 'CREDENTIAL_CACHE_TTL_MS',
    description:
      'How long an instance may answer a session or API-key check from memory. Logout, revocation and account changes reach every instance at once by NOTIFY; this bounds what a lost notice could cost. 0 checks the database on every request.',
    default: '10000',
    parse: parsers.int(0, 60_000),
  },
  credentialCacheMaxEntries: {
    env: 'CREDENTIAL_CACHE_MAX_ENTRIES',
    description: 'Most live sessions, and most API keys, an instance keeps in that cache (the oldest make room).',
    default: '10000',
    parse: parsers.int(1, 1_000_000),
  },
  refreshTokenTtlSeconds: {
    env: 'REFRESH_TOKEN_TTL_SECONDS',
    description: 'Lifetime of a refresh token (each use rotates it).',
    default: '2592000',
    parse: parsers.int(300, 31_536_000),
  },
  loginLockoutThreshold: {
    env: 'LOGIN_LOCKOUT_THRESHOLD',
    description: 'Failed sign-ins in a row for one email address before it is locked for a while (from any number of client addresses).',
    default: '5',
    parse: parsers.int(1, 100),
  },
  loginLockoutBaseSeconds: {
    env: 'LOGIN_LOCKOUT_BASE_SECONDS',
    description: 'The first lockout; each further failure after a lockout doubles it.',
    default: '60',
    parse: parsers.int(1, 86_400),
  },
  loginLockoutMaxSeconds: {
    env: 'LOGIN_LOCKOUT_MAX_SECONDS',
    description: 'The longest lockout, however many failures.',
    default: '3600',
    parse: parsers.int(1, 604_800),
  },
  loginFailureWindowSeconds: {
    env: 'LOGIN_FAILURE_WINDOW_SECONDS',
    description: 'Failed sign-ins are forgotten once none has happened (and no lockout has run) for this long.',
    default: '3600',
    parse: parsers.int(60, 604_800),
  },
  emailVerificationTtlSeconds: {
    env: 'EMAIL_VERIFICATION_TTL_SECONDS',
    description: 'How long the link in a verification email works.',
    default: '172800',
    parse: parsers.int(300, 2_592_000),
  },
  passwordResetTtlSeconds: {
    env: 'PASSWORD_RESET_TTL_SECONDS',
    description: 'How long the link in a password-reset email works.',
    default: '3600',
    parse: parsers.int(300, 86_400),
  },
  passwordResetMaxPerHour: {
    env: 'PASSWORD_RESET_MAX_PER_HOUR',
    description:
      'Password-reset links one account is sent per hour at most (and never two within a minute); further requests get the same answer and no email.',
    default: '5',
    parse: parsers.int(1, 100),
  },
  accountInvitationTtlSeconds: {
    env: 'ACCOUNT_INVITATION_TTL_SECONDS',
    description: 'How long the link in an invitation email (an account an admin created) works.',
    default: '604800',
    parse: parsers.int(300, 2_592_000),
  },
  bodyLimitBytes: {
    env: 'BODY_LIMIT_BYTES',
    description: 'Largest request body accepted; larger bodies get 413.',
    default: '1048576',
    parse: parsers.int(1024, 100 * 1024 * 1024),
  },
  bodyMaxDepth: {
    env: 'BODY_MAX_DEPTH',
    description: 'Deepest nesting of arrays and objects a JSON body may have; deeper bodies get 400 before they are parsed.',
    default: '32',
    parse: parsers.int(2, 512),
  },
  httpMaxHeaderBytes: {
    env: 'HTTP_MAX_HEADER_BYTES',
    description: 'Largest request line plus headers accepted; a longer URL gets 414, larger headers 431.',
    default: '16384',
    parse: parsers.int(4096, 1024 * 1024),
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    description: 'Trust X-Forwarded-For from: false, true, a hop count, or a comma list of proxy addresses/CIDRs.',
    default: 'false',
    parse: parsers.trustProxy,
  },
  corsOrigins: {
    env: 'CORS_ORIGINS',
    description: 'Comma list of browser origins allowed to call the API cross-origin (empty: same origin only).',
    default: '',
    parse: parsers.list,
  },
  redisUrl: {
    env: 'REDIS_URL',
    description: 'Redis for rate-limit counters shared by API instances. Unset: counters kept in memory.',
    optional: true,
    sensitive: true,
    parse: parsers.url('redis', 'rediss'),
  },
  throttleShortTtlMs: {
    env: 'THROTTLE_SHORT_TTL_MS',
    description: 'Window of the burst tier.',
    default: '1000',
    parse: parsers.int(100, 3_600_000),
  },
  throttleShortLimit: {
    env: 'THROTTLE_SHORT_LIMIT',
    description: 'Requests a client may make in one burst window.',
    default: '20',
    parse: parsers.int(1, 1_000_000),
  },
  throttleLongTtlMs: {
    env: 'THROTTLE_LONG_TTL_MS',
    description: 'Window of the sustained tier.',
    default: '60000',
    parse: parsers.int(1000, 86_400_000),
  },
  throttleLongLimit: {
    env: 'THROTTLE_LONG_LIMIT',
    description: 'Requests a client may make in one sustained window.',
    default: '300',
    parse: parsers.int(1, 10_000_000),
  },
  throttleAuthTtlMs: {
    env: 'THROTTLE_AUTH_TTL_MS',
    description: 'Window of the login/registration tier.',
    default: '60000',
    parse: parsers.int(1000, 86_400_000),
  },
  throttleAuthLimit: {
    env: 'THROTTLE_AUTH_LIMIT',
    description: 'Login and registration attempts a client may make in one window.',
    default: '10',
    parse: parsers.int(1, 100_000),
  },
  throttleApiKeyTtlMs: {
    env: 'THROTTLE_API_KEY_TTL_MS',
    description: 'Window of the per-API-key tier.',
    default: '60000',
    parse: parsers.int(1000, 86_400_000),
  },
  throttleApiKeyLimit: {
    env: 'THROTTLE_API_KEY_LIMIT',
    description: 'Requests one API key may make in one window.',
    default: '600',
    parse: parsers.int(1, 10_000_000),
  },
  throttleMemoryMaxKeys: {
    env: 'THROTTLE_MEMORY_MAX_KEYS',
    description: 'Most clients the in-memory rate limiter tracks at once; the least recently seen are forgotten first.',
    default: '100000',
    parse: parsers.int(100, 10_000_000),
  },
  harvestEnabled: {
    env: 'HARVEST_ENABLED',
    description: 'Anti-harvesting guard on the public marketplace and facility reads.',
    default: 'true',
    parse: parsers.bool,
  },
  harvestWindowMs: {
    env: 'HARVEST_WINDOW_MS',
    description: 'Sliding window in which the guard counts the distinct facilities (opened or shown in a result page) and result pages a client reads.',
    default: '600000',
    parse: parsers.int(1000, 86_400_000),
  },
  harvestLimitAnonymous: {
    env: 'HARVEST_LIMIT_ANONYMOUS',
    description: 'Distinct facilities (opened or shown in a result page) and result pages an anonymous browser (address + user agent) may read in one window.',
    default: '300',
    parse: parsers.int(1, 10_000_000),
  },
  harvestLimitSignedIn: {
    env: 'HARVEST_LIMIT_SIGNED_IN',
    description: 'Distinct facilities and result pages a signed-in user may read in one window.',
    default: '600',
    parse: parsers.int(1, 10_000_000),
  },
  harvestLimitApiKey: {
    env: 'HARVEST_LIMIT_API_KEY',
    description: 'Distinct facilities and result pages one API key may read in one window.',
    default: '5000',
    parse: parsers.int(1, 10_000_000),
  },
  harvestLimitAutomation: {
    env: 'HARVEST_LIMIT_AUTOMATION',
    description: 'The lower limit of obvious automation without an API key (tool or empty user agent, no Accept-Language).',
    default: '60',
    parse: parsers.int(1, 10_000_000),
  },
  harvestBlockMs: {
    env: 'HARVEST_BLOCK_MS',
    description: 'How long a client past its limit is refused (429) on the guarded routes.',
    default: '1800000',
    parse: parsers.int(1000, 604_800_000),
  },
  harvestCanaryBlockMs: {
    env: 'HARVEST_CANARY_BLOCK_MS',
    description: 'How long a client that asked for a canary facility is refused on the guarded routes.',
    default: '21600000',
    parse: parsers.int(1000, 604_800_000),
  },
  harvestCanaryRefreshMs: {
    env: 'HARVEST_CANARY_REFRESH_MS',
    description: 'How often the guard reloads the ids of canary facilities from the database.',
    default: '60000',
    parse: parsers.int(1000, 86_400_000),
  },
  harvestMemoryMaxEntries: {
    env: 'HARVEST_MEMORY_MAX_ENTRIES',
    description: 'Most reads the in-memory guard remembers over all clients; the least recently seen clients are forgotten first.',
    default: '500000',
    parse: parsers.int(1000, 100_000_000),
  },
  marketplaceAnonMaxPages: {
    env: 'MARKETPLACE_ANON_MAX_PAGES',
    description: 'Result pages an anonymous client may read per marketplace or facility-list search; signed-in users and API keys have no such limit.',
    default: '5',
    parse: parsers.int(1, 10_000),
  },
  serveWeb: {
    env: 'SERVE_WEB',
    description: 'Serve the built SPA (web/dist) from the API; off when nginx serves it.',
    default: 'true',
    parse: parsers.bool,
  },
  webDistDir: {
    env: 'WEB_DIST_DIR',
    description: 'Where the built SPA is, relative to the project root.',
    default: 'web/dist',
    parse: parsers.string,
  },
  httpCompression: {
    env: 'HTTP_COMPRESSION',
    description:
      'Compress responses (brotli or gzip, as the client accepts): the SPA from the files compressed at build time, JSON over HTTP_COMPRESSION_MIN_BYTES on the fly. auto: on when the API serves the SPA itself (no nginx in front, which compresses), off otherwise.',
    default: 'auto',
    parse: parsers.oneOf('auto', 'on', 'off'),
  },
  httpCompressionMinBytes: {
    env: 'HTTP_COMPRESSION_MIN_BYTES',
    description: 'Smallest response body compressed on the fly; below it the bytes saved cost more CPU than they save time.',
    default: '2048',
    parse: parsers.int(0, 10 * 1024 * 1024),
  },
  bookingHoldMinutes: {
    env: 'BOOKING_HOLD_MINUTES',
    description: 'How long an unpaid booking (or extension) holds its space before it lapses.',
    default: '10',
    parse: parsers.int(1, 120),
  },
  bookingFreeCancelMinutes: {
    env: 'BOOKING_FREE_CANCEL_MINUTES',
    description: 'A paid booking cancels with a full refund until this many minutes before its start.',
    default: '60',
    parse: parsers.int(0, 43_200),
  },
  bookingLateRefundPercent: {
    env: 'BOOKING_LATE_REFUND_PERCENT',
    description: 'Share of the price refunded when cancelling after the free period and before the start.',
    default: '50',
    parse: parsers.int(0, 100),
  },
  bookingJobsIntervalSeconds: {
    env: 'BOOKING_JOBS_INTERVAL_SECONDS',
    description: 'How often lapsed holds are released and finished bookings marked completed.',
    default: '30',
    parse: parsers.int(1, 3600),
  },
  waitlistHoldMinutes: {
    env: 'WAITLIST_HOLD_MINUTES',
    description: 'How long a space freed for the first in a waitlist is held for them to pay before it goes to the next.',
    default: '10',
    parse: parsers.int(1, 120),
  },
  waitlistOfferIntervalMs: {
    env: 'WAITLIST_OFFER_INTERVAL_MS',
    description: 'How often freed spaces are offered to waitlists (and lapsed offers passed on).',
    default: '5000',
    parse: parsers.int(100, 600_000),
  },
  platformFeeBps: {
    env: 'PLATFORM_FEE_BPS',
    description: 'Platform fee in basis points of each payment (1500 = 15 %); the operator gets the rest.',
    default: '1500',
    parse: parsers.int(0, 10_000),
  },
  reportingCurrency: {
    env: 'REPORTING_CURRENCY',
    description: 'Currency the investor metrics convert every amount into (ISO 4217), at the dated rates of the fx_rates table.',
    default: 'EUR',
    parse: (raw: string): string => {
      if (!/^[A-Z]{3}$/.test(raw)) throw new ConfigValueError(`expected an ISO 4217 code such as EUR, got "${raw}"`);
      return raw;
    },
  },
  reportingTimeZone: {
    env: 'REPORTING_TIME_ZONE',
    description: "IANA time zone of the investor metrics' account figures (sign-ups, operator applications, driver cohorts are by facility day).",
    default: 'Europe/Berlin',
    parse: (raw: string): string => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: raw });
      } catch {
        throw new ConfigValueError(`expected an IANA time zone such as Europe/Berlin, got "${raw}"`);
      }
      return raw;
    },
  },
  paymentProvider: {
    env: 'PAYMENT_PROVIDER',
    description: 'Card processor: sandbox (the built-in test-mode processor; no real money moves).',
    default: 'sandbox',
    parse: parsers.oneOf('sandbox'),
  },
  idempotencyLeaseSeconds: {
    env: 'IDEMPOTENCY_LEASE_SECONDS',
    description:
      'Lease on an Idempotency-Key while its request runs, renewed every third of it; a claim whose lease lapsed (its API instance died) is taken over by the next retry.',
    default: '10',
    parse: parsers.int(3, 300),
  },
  smtpUrl: {
    env: 'SMTP_URL',
    description: 'SMTP server for outgoing email (smtp:// or smtps://, credentials in the URL). Unset: emails land in the local mailbox admins read.',
    optional: true,
    sensitive: true,
    parse: parsers.url('smtp', 'smtps'),
  },
  mailFrom: {
    env: 'MAIL_FROM',
    description: 'Sender of outgoing email.',
    default: 'AIParksit <no-reply@aiparksit.local>',
    parse: parsers.string,
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    description:
      'Address people reach the SPA at; every link in every email starts with it. Required in production. Unset in development: the address of the request that caused the email, else http://localhost:PORT.',
    optional: true,
    parse: parsers.url('http', 'https'),
  },
  outboxWorkerEnabled: {
    env: 'OUTBOX_WORKER_ENABLED',
    description: 'Run the outbox worker (emails and other side effects) in this instance.',
    default: 'true',
    parse: parsers.bool,
  },
  outboxPollIntervalMs: {
    env: 'OUTBOX_POLL_INTERVAL_MS',
    description: 'How often the outbox worker looks for due messages when nothing wakes it sooner.',
    default: '2000',
    parse: parsers.int(10, 3_600_000),
  },
  outboxBatchSize: {
    env: 'OUTBOX_BATCH_SIZE',
    description: 'Messages one worker claims at a time.',
    default: '10',
    parse: parsers.int(1, 1000),
  },
  outboxLeaseMs: {
    env: 'OUTBOX_LEASE_MS',
    description: 'How long a claimed message is left to its worker; after that another worker may send it again.',
    default: '120000',
    parse: parsers.int(1000, 86_400_000),
  },
  outboxMaxAttempts: {
    env: 'OUTBOX_MAX_ATTEMPTS',
    description: 'Attempts before a message is marked failed.',
    default: '8',
    parse: parsers.int(1, 100),
  },
  outboxRetryBaseMs: {
    env: 'OUTBOX_RETRY_BASE_MS',
    description: 'Delay before the first retry; each further retry waits about twice as long (with jitter).',
    default: '30000',
    parse: parsers.int(1, 86_400_000),
  },
  outboxRetryMaxMs: {
    env: 'OUTBOX_RETRY_MAX_MS',
    description: 'Longest delay between two attempts.',
    default: '3600000',
    parse: parsers.int(1, 86_400_000),
  },
  reportSubscriptionsIntervalMs: {
    env: 'REPORT_SUBSCRIPTIONS_INTERVAL_MS',
    description: 'How often monthly report subscriptions that are due are looked for and their emails queued (any number of instances may run it).',
    default: '60000',
    parse: parsers.int(50, 3_600_000),
  },
  forecastFitOnStart: {
    env: 'FORECAST_FIT_ON_START',
    description:
      'At start-up, fit the occupancy forecasts when no fit is under a day old (besides the nightly run at 03:30 UTC); one instance fits, the others skip.',
    default: 'true',
    parse: parsers.bool,
  },
  priceSuggestionMaxStepPercent: {
    env: 'PRICE_SUGGESTION_MAX_STEP_PERCENT',
    description: 'The largest change, in percent up or down, a price suggestion makes to any hourly price (operators accept suggestions one at a time).',
    default: '20',
    parse: parsers.int(1, 50),
  },
  wsHeartbeatIntervalMs: {
    env: 'WS_HEARTBEAT_INTERVAL_MS',
    description: 'The WebSocket server pings every socket this often; a socket that has not answered the previous ping is closed.',
    default: '30000',
    parse: parsers.int(100, 600_000),
  },
  wsMaxSubscriptions: {
    env: 'WS_MAX_SUBSCRIPTIONS',
    description: 'Facilities one WebSocket may follow at once (by id and by bounding box together).',
    default: '200',
    parse: parsers.int(1, 100_000),
  },
  wsMaxMessagesPerSecond: {
    env: 'WS_MAX_MESSAGES_PER_SECOND',
    description: 'Messages a WebSocket client may send per second; the excess is answered with an error and ignored.',
    default: '20',
    parse: parsers.int(1, 10_000),
  },
  wsMaxBufferedBytes: {
    env: 'WS_MAX_BUFFERED_BYTES',
    description: 'A WebSocket whose unsent data passes this is a slow consumer and is closed rather than buffered further.',
    default: '1048576',
    parse: parsers.int(1024, 1024 * 1024 * 1024),
  },
  wsEventCoalesceMs: {
    env: 'WS_EVENT_COALESCE_MS',
    description: 'A facility is recounted at most once in this window; changes arriving meanwhile share the next recount.',
    default: '50',
    parse: parsers.int(0, 60_000),
  },
  systemSnapshotMs: {
    env: 'SYSTEM_SNAPSHOT_MS',
    description: "How often the admin's system status snapshot is refreshed at most (on demand, and continuously while an admin has the live feed open).",
    default: '5000',
    parse: parsers.int(500, 600_000),
  },
  nginxStatusUrl: {
    env: 'NGINX_STATUS_URL',
    description:
      "nginx's stub_status page (nginx.conf serves it at http://127.0.0.1:8080/nginx_status to local callers). Unset: the system page says the API is not behind nginx.",
    optional: true,
    parse: parsers.url('http', 'https'),
  },
  nginxWorkers: {
    env: 'NGINX_WORKERS',
    description:
      "nginx's worker processes, shown on the system page (stub_status does not tell). Unset: counted from /proc when nginx runs on this host, else unknown.",
    optional: true,
    parse: parsers.int(1, 1024),
  },
  dataDir: {
    env: 'DATA_DIR',
    description: "Disk the system page reports as the data directory. Unset: the embedded PostgreSQL's directory, or .data with DATABASE_URL.",
    optional: true,
    parse: parsers.string,
  },
  logDir: {
    env: 'LOG_DIR',
    description: 'Disk the system page reports as the log directory (the API itself logs to stdout). Unset: .data/logs.',
    default: '.data/logs',
    parse: parsers.string,
  },
  diskWarnPercent: {
    env: 'DISK_WARN_PERCENT',
    description: 'The system page warns about a disk (and calls it degraded) once this share of it is used.',
    default: '85',
    parse: parsers.int(1, 100),
  },
  requestMetrics: {
    env: 'REQUEST_METRICS',
    description: 'Per-request metrics (a counter and a latency histogram per route, no I/O) for GET /metrics and the system page; false turns the hook off.',
    default: 'true',
    parse: parsers.bool,
  },
  instanceHeartbeatMs: {
    env: 'INSTANCE_HEARTBEAT_MS',
    description: 'Each API instance writes its heartbeat and figures to api_instances this often; one silent for three periods shows as down.',
    default: '10000',
    parse: parsers.int(100, 600_000),
  },
  metricsToken: {
    env: 'METRICS_TOKEN',
    description: 'Bearer token GET /metrics requires (16+ characters). Unset: /metrics answers only loopback and private addresses, if METRICS_ALLOW_PRIVATE.',
    optional: true,
    sensitive: true,
    parse: parsers.secret(16),
  },
  metricsAllowPrivate: {
    env: 'METRICS_ALLOW_PRIVATE',
    description: 'Without METRICS_TOKEN, whether GET /metrics answers loopback and private (RFC 1918, fc00::/7) client addresses; false turns it off.',
    default: 'true',
    parse: parsers.bool,
  },
  slowQueryMs: {
    env: 'SLOW_QUERY_MS',
    description: 'A statement that runs longer than this (ms) is listed as a slow query among the recent errors of the status page; 0 turns it off.',
    default: '1000',
    parse: parsers.int(0, 3_600_000),
  },
  requestContext: {
    env: 'REQUEST_CONTEXT',
    description:
      'Track which request each statement runs for, so a slow query names its request and route: auto (only on Node 24+, where it is nearly free), on, or off. On Node 20 it costs about 14 % more CPU per request.',
    default: 'auto',
    parse: parsers.oneOf('auto', 'on', 'off'),
  },
  errorLogFlushMs: {
    env: 'ERROR_LOG_FLUSH_MS',
    description: 'How often each instance writes the errors it counted in memory to the shared recent-errors tables.',
    default: '2000',
    parse: parsers.int(100, 60_000),
  },
  errorLogRetentionDays: {
    env: 'ERROR_LOG_RETENTION_DAYS',
    description: 'Error groups and hourly counts older than this are deleted.',
    default: '7',
    parse: parsers.int(1, 365),
  },
} satisfies Record<string, ConfigVariable<unknown>>;

export type ConfigSchema = typeof configSchema;
type ValueOf<V> = V extends { parse: ConfigParser<infer T>; optional: true } ? T | undefined : V extends { parse: ConfigParser<infer T> } ? T : never;
export type AppConfigValues = { [K in keyof ConfigSchema]: ValueOf<ConfigSchema[K]> };
