import type { WebSocket } from 'ws';
import type { BoundingBox, DataFidelity, RealtimeRole } from '@aiparksit/shared';

/** Who is on a socket, decided once at the handshake. */
export interface SocketIdentity {
  role: RealtimeRole;
  userId: string | null;
  /** Set on /ws/operator: the operator company whose events the socket receives. */
  operatorId: string | null;
  /** Exact counts for accounts and API keys; levels only for anonymous sockets. */
  fidelity: DataFidelity;
}

/** One open socket: its identity, what it follows, and its message budget. */
export class RealtimeSession {
  /** Facility ids subscribed by id. */
  readonly facilityIds = new Set<string>();
  /** Bounding boxes, keyed by their canonical text, with the facilities each resolved to. */
  readonly boxes = new Map<string, { box: BoundingBox; facilityIds: Set<string> }>();

  alive = true;
  pingSentAt = 0;
  /** Which group of the hub's heartbeat pings this socket (set when it registers). */
  heartbeatGroup = 0;
  private windowStart = 0;
  private messagesInWindow = 0;

  constructor(
    readonly socket: WebSocket,
    readonly path: string,
    readonly identity: SocketIdentity,
  ) {}

  /** Whether the socket follows the facility by id or through one of its boxes. */
  follows(facilityId: string): boolean {
    if (this.facilityIds.has(facilityId)) return true;
    for (const entry of this.boxes.values()) if (entry.facilityIds.has(facilityId)) return true;
    return false;
  }

  /** Every facility followed, by id or box. */
  followed(): Set<string> {
    const all = new Set(this.facilityIds);
    for (const entry of this.boxes.values()) for (const id of entry.facilityIds) all.add(id);
    return all;
  }

  /**
   * Counts a client message against the per-second budget: `ok`, `refuse` (tell the client
   * once per window), `ignore` (already told), or `close` (far over: the client is not listening).
   */
  admitMessage(limitPerSecond: number, now = Date.now()): 'ok' | 'refuse' | 'ignore' | 'close' {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.messagesInWindow = 0;
    }
    this.messagesInWindow += 1;
    if (this.messagesInWindow <= limitPerSecond) return 'ok';
    if (this.messagesInWindow > limitPerSecond * 10) return 'close';
    return this.messagesInWindow === limitPerSecond + 1 ? 'refuse' : 'ignore';
  }
}

/** The canonical key of a box, so the same box unsubscribes what it subscribed. */
export function boxKey(box: BoundingBox): string {
  return `${box.minLat},${box.minLng},${box.maxLat},${box.maxLng}`;
}
