import type { Role } from './roles.js';

// The admin's system-status page (the seed's own page) and account management.
// GET /api/system/status answers `SystemStatus`, GET /api/system/errors `SystemErrorsPage`,
// POST /api/system/actions/<name> `SystemActionResult`, GET /api/system/audit `AuditPage`.
// Everything here is for admins only.

/** Path of the admins' live feed: `system_error` and `service_status_changed` events. */
export const WS_ADMIN_PATH = '/ws/admin';

/** The page polls at least this often, whatever the feed says (the seed's 30 s). */
export const SYSTEM_STATUS_POLL_MS = 30_000;
/** API instances write a heartbeat this often; one silent for 3 periods shows as down. */
export const INSTANCE_HEARTBEAT_MS = 10_000;
export const INSTANCE_DOWN_AFTER_MS = 3 * INSTANCE_HEARTBEAT_MS;
/** "Active" users: a signed-in request or an open socket within this window. */
export const ACTIVE_USER_WINDOW_MS = 5 * 60_000;

export type ServiceState = 'running' | 'degraded' | 'down';

/** The portals users are counted in. Drivers and anonymous browsers are the marketplace. */
export const PORTALS = ['marketplace', 'operator', 'investor', 'admin'] as const;
export type Portal = (typeof PORTALS)[number];

export interface ServiceCard {
  state: ServiceState;
  /** Why the state is not `running`, in words an admin acts on; null when running. */
  reason: string | null;
  /** Seconds since the service started, as far as it is known; null when unknown. */
  uptimeSeconds: number | null;
}

/** One API process, from its heartbeat row. */
export interface ApiInstanceStatus {
  id: string;
  host: string;
  pid: number;
  port: number;
  version: string;
  startedAt: string;
  lastHeartbeatAt: string;
  /** `down` when no heartbeat came for INSTANCE_DOWN_AFTER_MS (or it stopped cleanly: `stoppedAt`). */
  state: ServiceState;
  stoppedAt: string | null;
  /** Earlier instances on the same host and port in the last 24 h. */
  restarts: number;
  uptimeSeconds: number;
  /** Of one core, over the last heartbeat period (can exceed 100 on several cores). */
  cpuPercent: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
  eventLoopDelayP99Ms: number;
  requestsPerMinute: number;
  p95LatencyMs: number | null;
  serverErrorsPerMinute: number;
  /** Whether this is the instance that answered this request. */
  self: boolean;
}

export interface ApiInstancesCard extends ServiceCard {
  instances: ApiInstanceStatus[];
  /** Summed over the running instances. */
  requestsPerMinute: number;
  serverErrorsPerMinute: number;
}

export interface NginxCard extends ServiceCard {
  /** False when NGINX_STATUS_URL is unset: the API is not behind the repository's nginx. */
  configured: boolean;
  statusUrl: string | null;
  workers: number | null;
  activeConnections: number | null;
  reading: number | null;
  writing: number | null;
  waiting: number | null;
  /** From stub_status's request counter between two samples; null until two samples exist. */
  requestsPerMinute: number | null;
  totalRequests: number | null;
}

export interface SlowStatement {
  /** Normalised text (literals replaced), at most 500 characters. */
  query: string;
  calls: number;
  meanMs: number;
  maxMs: number;
  /** `pg_stat_statements` when installed; otherwise the API's own slow-query log. */
  source: 'pg_stat_statements' | 'api';
}

export interface PostgresCard extends ServiceCard {
  version: string | null;
  database: string | null;
  connections: { active: number; idle: number; idleInTransaction: number; total: number; max: number };
  /** Committed + rolled-back transactions per minute (pg_stat_database), or calls (pg_stat_statements). */
  queriesPerMinute: number | null;
  sizeBytes: number | null;
  /** 0..1, from pg_stat_database blks_hit / (blks_hit + blks_read). */
  cacheHitRatio: number | null;
  longestRunningQuery: { query: string; durationMs: number; state: string; applicationName: string } | null;
  slowestStatements: SlowStatement[];
  /** This instance's pool: in use, idle, waiting clients. */
  pool: { total: number; idle: number; waiting: number; max: number };
}

export interface WebSocketCard extends ServiceCard {
  connections: { total: number; byPath: Record<string, number> };
  subscriptions: number;
  eventsPerMinute: number;
  /** Time from the database commit (the notification) to the frame written to sockets. */
  latencyMs: { p50: number | null; p95: number | null };
  lastEventAt: string | null;
  listenerConnected: boolean;
}

export interface DiskUsage {
  /** `data`, `logs`, `temp` */
  kind: 'data' | 'logs' | 'temp';
  label: string;
  path: string;
  totalBytes: number;
  usedBytes: number;
  freeBytes: number;
  usedPercent: number;
  /** usedPercent >= DISK_WARN_PERCENT */
  warning: boolean;
}

export interface ActiveUsers {
  total: number;
  byPortal: Record<Portal, number>;
  windowSeconds: number;
}

/** Live per-route figures over the last minute, summed across instances. */
export interface RouteFigures {
  method: string;
  /** The route's pattern, e.g. `/api/bookings/:id`. */
  route: string;
  requestsPerMinute: number;
  p95Ms: number | null;
  errorPercent: number;
}

export interface SystemHeadline {
  /** SPA routes; the SPA fills this from its own router when null. */
  pagesAndRoutes: number | null;
  apiEndpoints: number;
  userTypes: number;
  webSocketEventsPerMinute: number;
}

export interface SystemStatus {
  generatedAt: string;
  /** Age of the snapshot this answer was built from. */
  snapshotAgeMs: number;
  overall: ServiceState;
  headline: SystemHeadline;
  services: {
    api: ApiInstancesCard;
    nginx: NginxCard;
    postgres: PostgresCard;
    websocket: WebSocketCard;
  };
  disks: DiskUsage[];
  diskWarnPercent: number;
  activeUsers: ActiveUsers;
  routes: RouteFigures[];
  /** Error groups of the last 24 h of critical kinds (5xx, unhandled, outbox failures). */
  criticalErrors24h: number;
}

export const ERROR_SERVICES = ['API', 'PostgreSQL', 'WebSocket', 'Email', 'Nginx', 'Security'] as const;
export type ErrorService = (typeof ERROR_SERVICES)[number];

/** One fingerprint's errors in the window. */
export interface SystemErrorGroup {
  fingerprint: string;
  service: ErrorService;
  /** e.g. `500 Error`, `Unhandled exception`, `Slow query`, `Disconnect`, `Delivery failed`, `Rate limited`, `Harvesting block` */
  type: string;
  message: string;
  count: number;
  firstAt: string;
  lastAt: string;
  /** Request id of the latest occurrence, when there was a request. */
  lastRequestId: string | null;
  /** Instance that saw the latest occurrence. */
  lastInstance: string | null;
  /** 5xx, unhandled exceptions and failed deliveries; blocks and slow queries are not. */
  critical: boolean;
  /** Route pattern of the latest occurrence (`GET /api/bookings/:id`), when it had a request. */
  lastRoute?: string | null;
  /** Slow queries: mean and largest duration over the window, in ms; null for other errors. */
  durationMs?: { mean: number; max: number } | null;
}

export interface SystemErrorsPage {
  since: string;
  items: SystemErrorGroup[];
  totalGroups: number;
}

export const SYSTEM_ACTIONS = [
  'retry-failed-emails',
  'release-lapsed-holds',
  'lift-harvest-block',
  'reload-canaries',
  'recompute-rollups',
  'send-test-email',
  'export-diagnostics',
] as const;
export type SystemActionName = (typeof SYSTEM_ACTIONS)[number];

/**
 * Bodies: `lift-harvest-block` {client}, `recompute-rollups` {from, to} (local dates, both
 * included), `send-test-email` {recipient?} (the admin's own address when absent); the others none.
 */
export interface SystemActionRequest {
  client?: string;
  from?: string;
  to?: string;
  recipient?: string;
}

export interface SystemActionResult {
  action: SystemActionName;
  outcome: 'succeeded' | 'failed';
  /** What was done, in words: "3 failed emails queued again". */
  message: string;
  details: Record<string, unknown>;
  auditId: string;
}

export type AuditAction = SystemActionName | 'account-created' | 'account-disabled' | 'account-enabled' | 'invitation-resent';

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; email: string; name: string } | null;
  action: AuditAction;
  /** What it acted on: an account id, a client, a day range. */
  target: string | null;
  outcome: 'succeeded' | 'failed';
  message: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Accounts (GET/POST /api/admin/accounts, POST /api/admin/accounts/:id/disable|enable)

export const ADMIN_CREATABLE_ROLES = ['investor', 'admin'] as const satisfies readonly Role[];
export type AdminCreatableRole = (typeof ADMIN_CREATABLE_ROLES)[number];

export type AccountState = 'active' | 'invited' | 'unverified' | 'disabled';

export interface AccountView {
  id: string;
  email: string;
  name: string;
  role: Role;
  state: AccountState;
  createdAt: string;
  lastSignInAt: string | null;
  disabledAt: string | null;
  /** Pending invitation's expiry, for invited accounts. */
  invitationExpiresAt: string | null;
}

export interface AccountsPage {
  items: AccountView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CreateAccountRequest {
  email: string;
  name: string;
  role: AdminCreatableRole;
}

/** The SPA page an invitation email links to, with the token in the fragment: `${PUBLIC_URL}/invitation#token=…`. */
export const INVITATION_PATH = '/invitation';

/** POST /api/auth/invitations/accept: the emailed single-use token and the chosen password. */
export interface AcceptInvitationRequest {
  token: string;
  password: string;
}

// ---------------------------------------------------------------------------------------------
// Live feed on WS_ADMIN_PATH (same envelope as the other paths)

export const ADMIN_REALTIME_EVENTS = ['system_error', 'service_status_changed'] as const;
export type AdminRealtimeEventName = (typeof ADMIN_REALTIME_EVENTS)[number];

export interface SystemErrorEvent {
  fingerprint: string;
  service: ErrorService;
  type: string;
  message: string;
  count: number;
  lastAt: string;
  critical: boolean;
}

export interface ServiceStatusChangedEvent {
  /** `api:<instance id>`, `nginx`, `postgres`, `websocket`, `disk:<kind>` */
  service: string;
  from: ServiceState | null;
  to: ServiceState;
  reason: string | null;
}
