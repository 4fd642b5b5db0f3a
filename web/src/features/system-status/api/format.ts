import type { ApiInstanceStatus, RouteFigures, ServiceState } from '@aiparksit/shared';

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1024-based, one decimal from KB up: "58.6 MB" as the seed writes memory. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** "7h 23m", "3d 4h", "45s": the two largest units, as the seed's uptimes. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${s % 60}s`;
  return `${s}s`;
}

/** "2 s ago", "3 min ago", "5 h ago"; a time in the future (clock skew) reads "just now". */
export function formatAgo(at: string | number | null, now: number): string {
  if (at === null) return 'never';
  const then = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(then)) return 'never';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

export function formatCount(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export function formatPercent(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)} %`;
}

export const STATE_WORDS: Record<ServiceState, string> = { running: 'Running', degraded: 'Degraded', down: 'Down' };

/** The endpoint a flow step names, as the API's router names routes. */
export interface EndpointRef {
  method: string;
  path: string;
}

/**
 * The live figures of one endpoint: routes are compared by method and pattern, ignoring a
 * trailing slash and the names of parameters (`/api/bookings/:id` is `/api/bookings/:bookingId`).
 */
export function figuresFor(routes: readonly RouteFigures[], endpoint: EndpointRef): RouteFigures | null {
  const wanted = routeShape(endpoint.path);
  return routes.find((route) => route.method.toUpperCase() === endpoint.method.toUpperCase() && routeShape(route.route) === wanted) ?? null;
}

function routeShape(path: string): string {
  const bare = path.split('?')[0]!.replace(/\/+$/, '') || '/';
  return bare
    .split('/')
    .map((part) => (part.startsWith(':') ? ':' : part))
    .join('/');
}

const SERVICE_NAMES: Record<string, string> = { nginx: 'Nginx', postgres: 'PostgreSQL', websocket: 'WebSocket server' };

/** A `service_status_changed` service (`api:<id>`, `nginx`, `disk:<kind>`…) as an admin reads it. */
export function serviceName(service: string, instances: readonly ApiInstanceStatus[]): string {
  if (service.startsWith('api:')) {
    const instance = instances.find((candidate) => candidate.id === service.slice(4));
    return instance ? `API instance ${instance.host}:${instance.port} (PID ${instance.pid})` : 'An API instance';
  }
  if (service.startsWith('disk:')) return `Disk (${service.slice(5)})`;
  return SERVICE_NAMES[service] ?? service;
}

/** The client key a harvesting block's message names (`user:…`, `key:…`, `anon:…`), if any. */
export function blockedClientIn(message: string): string | null {
  return /\b((?:user|key|anon):[\w-]+)/.exec(message)?.[1] ?? null;
}
