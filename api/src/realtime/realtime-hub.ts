import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import {
  WS_ADMIN_PATH,
  WS_CLOSE_CODES,
  WS_DEFAULT_LIMITS,
  WS_INVESTOR_PATH,
  WS_OPERATOR_PATH,
  type AvailabilityChangedEvent,
  type InvestorFeedEvent,
  type PlatformRevenueUpdatedEvent,
  type ClientMessage,
  type RealtimeEventName,
  type RealtimeEventPayloads,
  type ServerMessage,
  type ServiceStatusChangedEvent,
  type SubscriptionsMessage,
  type SystemErrorEvent,
  type TimePeriod,
  type Role,
} from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { ERROR_TYPES, ErrorLog } from '../common/errors/index.js';
import { availabilityLevel } from './availability-level.js';
import { PreparedFrame, writeFrame } from './prepared-frame.js';
import { RealtimeAuthenticator } from './realtime-authenticator.js';
import { RealtimeException } from './realtime.exception.js';
import { RealtimeRepository, type FacilityRouting, type SpaceTypeCount } from './realtime.repository.js';
import { boxKey, RealtimeSession } from './realtime-session.js';
import { RealtimeStats } from './realtime-stats.js';
import { SocketIndex } from './socket-index.js';
import { boxContains, readSubscriptionRequest } from './subscription-request.js';

/** At most this many heartbeat groups (see `beat`), each at least this far apart. */
const HEARTBEAT_MAX_GROUPS = 30;
const HEARTBEAT_MIN_TICK_MS = 100;

/** What /ws/admin pushes, in the envelope of every path. */
export interface AdminFeedPayloads {
  system_error: SystemErrorEvent;
  service_status_changed: ServiceStatusChangedEvent;
}

export interface RealtimeLimits {
  maxSubscriptions: number;
  maxBoundingBoxes: number;
  maxMessagesPerSecond: number;
  maxFrameBytes: number;
  maxBufferedBytes: number;
  heartbeatIntervalMs: number;
}

/**
 * Every open socket of this instance: who it is, what it follows, and delivery. Each event is
 * serialized and framed once and that frame is written to the sockets an index names (facility
 * → sockets for public subscribers, split by what they are sent; operator → sockets for
 * operator feeds), never by filtering every client.
 */
@Injectable()
export class RealtimeHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeHub.name);
  private readonly sessions = new Set<RealtimeSession>();
  private readonly sessionOfSocket = new WeakMap<WebSocket, Promise<RealtimeSession | undefined>>();
  /** Followers of a facility on /ws, by what they get: exact counts (accounts, keys) or the level only (anonymous). */
  private readonly exactFollowers = new SocketIndex<RealtimeSession>();
  private readonly levelFollowers = new SocketIndex<RealtimeSession>();
  /** Operator feeds that also follow facilities by id or box: their own facilities reach them through `byOperator`. */
  private readonly feedFollowers = new SocketIndex<RealtimeSession>();
  private readonly byOperator = new SocketIndex<RealtimeSession>();
  /** /ws/investor sockets: they receive the platform feed, nothing of any one facility unless they subscribe. */
  private readonly platformFeeds = new Set<RealtimeSession>();
  /** /ws/admin sockets: system errors and service state changes. */
  private readonly adminFeeds = new Set<RealtimeSession>();
  /** Sessions following a bounding box: checked when a facility is published or moves. */
  private readonly boxFollowers = new Set<RealtimeSession>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Sockets whose abnormal end was recorded already (see `recordDisconnect`). */
  private readonly disconnectRecorded = new WeakSet<RealtimeSession>();
  /** Sessions by heartbeat group: one group is pinged per tick, so each session once per interval. */
  private readonly heartbeatGroups: Set<RealtimeSession>[];
  private nextGroupToJoin = 0;
  private nextGroupToBeat = 0;
  readonly limits: RealtimeLimits;

  constructor(
    private readonly authenticator: RealtimeAuthenticator,
    private readonly repository: RealtimeRepository,
    private readonly stats: RealtimeStats,
    config: AppConfig,
    private readonly errorLog: ErrorLog,
  ) {
    this.limits = {
      maxSubscriptions: config.values.wsMaxSubscriptions,
      maxBoundingBoxes: WS_DEFAULT_LIMITS.maxBoundingBoxes,
      maxMessagesPerSecond: config.values.wsMaxMessagesPerSecond,
      maxFrameBytes: WS_DEFAULT_LIMITS.maxFrameBytes,
      maxBufferedBytes: config.values.wsMaxBufferedBytes,
      heartbeatIntervalMs: config.values.wsHeartbeatIntervalMs,
    };
    const groups = Math.max(1, Math.min(HEARTBEAT_MAX_GROUPS, Math.floor(this.limits.heartbeatIntervalMs / HEARTBEAT_MIN_TICK_MS)));
    this.heartbeatGroups = Array.from({ length: groups }, () => new Set<RealtimeSession>());
  }

  onModuleInit(): void {
    this.heartbeat = setInterval(() => this.beat(), this.limits.heartbeatIntervalMs / this.heartbeatGroups.length);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  // ------------------------------------------------------------------ connections

  /** Authenticates a new socket; messages that arrive meanwhile wait for the outcome. */
  open(socket: WebSocket, request: IncomingMessage, path: string): void {
    const ready = this.authenticator.identify(path, request).then(
      (outcome) => {
        if ('refuse' in outcome) {
          socket.close(outcome.refuse.code, outcome.refuse.reason);
          return undefined;
        }
        if (socket.readyState !== WebSocket.OPEN) return undefined;
        return this.register(socket, path, outcome.identity);
      },
      (error: unknown) => {
        this.logger.error(`WebSocket handshake failed: ${error instanceof Error ? error.message : String(error)}`);
        socket.close(1011, 'The server could not check the credentials.');
        this.errorLog.record({
          service: 'WebSocket',
          type: ERROR_TYPES.disconnect,
          message: `${path}: closed with 1011, credentials could not be checked`,
          critical: true,
        });
        return undefined;
      },
    );
    this.sessionOfSocket.set(socket, ready);
  }

  /** The socket's session once authenticated; undefined if it was refused or has closed. */
  async sessionOf(socket: WebSocket): Promise<RealtimeSession | undefined> {
    return this.sessionOfSocket.get(socket);
  }

  private async register(socket: WebSocket, path: string, identity: RealtimeSession['identity']): Promise<RealtimeSession> {
    const session = new RealtimeSession(socket, path, identity);
    const operatorFacilityIds = identity.operatorId ? await this.repository.facilityIdsOfOperator(identity.operatorId) : [];
    if (socket.readyState !== WebSocket.OPEN) return session;
    this.sessions.add(session);
    session.heartbeatGroup = this.nextGroupToJoin;
    this.nextGroupToJoin = (this.nextGroupToJoin + 1) % this.heartbeatGroups.length;
    this.heartbeatGroups[session.heartbeatGroup]?.add(session);
    const feedOperator = operatorFeedOf(session);
    if (feedOperator) this.byOperator.add(feedOperator, session);
    if (path === WS_INVESTOR_PATH) this.platformFeeds.add(session);
    if (path === WS_ADMIN_PATH) this.adminFeeds.add(session);
    this.stats.connectionOpened(path, identity.role);
    socket.on('pong', () => {
      session.alive = true;
      if (session.pingSentAt) this.stats.pingAnswered(Date.now() - session.pingSentAt);
    });
    socket.once('close', (code: number) => {
      this.forget(session);
      if (code === 1006 || code === 1011) this.recordDisconnect(session, `closed abnormally (${code})`);
    });
    // Only the feeds greet: their clients need to know the handshake succeeded (and, for an
    // operator, which facilities it covers); /ws stays silent until asked, as existing clients expect.
    if (path !== WS_OPERATOR_PATH && path !== WS_INVESTOR_PATH && path !== WS_ADMIN_PATH) return session;
    const { maxSubscriptions, maxBoundingBoxes, maxMessagesPerSecond, maxFrameBytes } = this.limits;
    this.sendTo(session, {
      type: 'welcome',
      role: identity.role,
      operatorFacilityIds,
      limits: { maxSubscriptions, maxBoundingBoxes, maxMessagesPerSecond, maxFrameBytes },
    });
    return session;
  }

  private forget(session: RealtimeSession): void {
    if (!this.sessions.delete(session)) return;
    this.heartbeatGroups[session.heartbeatGroup]?.delete(session);
    const followers = this.followersIndexOf(session);
    for (const id of session.followed()) followers.remove(id, session);
    const feedOperator = operatorFeedOf(session);
    if (feedOperator) this.byOperator.remove(feedOperator, session);
    this.platformFeeds.delete(session);
    this.adminFeeds.delete(session);
    this.boxFollowers.delete(session);
    this.stats.connectionClosed(session.path, session.identity.role);
  }

  /**
   * Pings the sockets of the next heartbeat group; one that did not answer its previous ping
   * (one interval ago) is gone and is cut off. Spread over groups, ten thousand sockets cost a
   * few hundred pings and pongs per tick rather than all at once, which would hold up every
   * event behind them.
   */
  private beat(): void {
    const group = this.heartbeatGroups[this.nextGroupToBeat];
    this.nextGroupToBeat = (this.nextGroupToBeat + 1) % this.heartbeatGroups.length;
    const now = Date.now();
    for (const session of group ?? []) {
      if (!session.alive) {
        this.stats.deadSocketClosed();
        this.recordDisconnect(session, 'no answer to the heartbeat ping');
        session.socket.terminate();
        continue;
      }
      session.alive = false;
      session.pingSentAt = now;
      session.socket.ping();
    }
  }

  /** Counts a client message; returns the answer to send instead of handling it, if any. */
  admit(session: RealtimeSession): 'ok' | 'drop' | ServerMessage {
    const verdict = session.admitMessage(this.limits.maxMessagesPerSecond);
    if (verdict === 'ok') return 'ok';
    if (verdict === 'close') {
      session.socket.close(4429, 'Too many messages.');
      return 'drop';
    }
    if (verdict === 'ignore') return 'drop';
    return { type: 'error', code: 'rate_limited', message: `At most ${this.limits.maxMessagesPerSecond} messages per second; the excess is ignored.` };
  }

  /**
   * Closes every socket of the user (their account was disabled) with 4401, as a handshake with
   * a revoked token would be. A walk over this instance's sessions: disabling is rare, so no
   * index by user is kept for it. Returns how many were closed.
   */
  closeSocketsOf(userId: string, reason: string): number {
    let closed = 0;
    for (const session of this.sessions) {
      if (session.identity.userId !== userId) continue;
      session.socket.close(WS_CLOSE_CODES.unauthenticated, reason);
      closed += 1;
    }
    return closed;
  }

  // ------------------------------------------------------------------ subscriptions

  async subscribe(session: RealtimeSession, message: ClientMessage): Promise<SubscriptionsMessage> {
    const { maxSubscriptions, maxBoundingBoxes } = this.limits;
    const request = readSubscriptionRequest(message, maxSubscriptions);
    const followed = session.followed();
    const added = request.facilityIds.filter((id) => !followed.has(id));
    if (followed.size + added.length > maxSubscriptions) {
      throw new RealtimeException('too_many_subscriptions', `At most ${maxSubscriptions} facilities per socket; unsubscribe some first.`, { maxSubscriptions });
    }

    let boxed: { key: string; ids: string[] } | undefined;
    if (request.bbox && !session.boxes.has(boxKey(request.bbox))) {
      if (session.boxes.size >= maxBoundingBoxes) {
        throw new RealtimeException('too_many_subscriptions', `At most ${maxBoundingBoxes} bounding boxes per socket.`, { maxBoundingBoxes });
      }
      const ids = await this.repository.publicFacilitiesIn(request.bbox, maxSubscriptions + 1);
      const fresh = ids.filter((id) => !followed.has(id) && !added.includes(id));
      if (followed.size + added.length + fresh.length > maxSubscriptions) {
        throw new RealtimeException('bbox_too_large', `The box holds more facilities than this socket may follow (${maxSubscriptions}); zoom in.`, {
          maxSubscriptions,
        });
      }
      boxed = { key: boxKey(request.bbox), ids };
    }

    if (!this.sessions.has(session)) return this.subscriptionsOf(session);
    const followers = this.followersIndexOf(session);
    for (const id of added) {
      session.facilityIds.add(id);
      followers.add(id, session);
    }
    if (boxed && request.bbox) {
      session.boxes.set(boxed.key, { box: request.bbox, facilityIds: new Set(boxed.ids) });
      for (const id of boxed.ids) followers.add(id, session);
      this.boxFollowers.add(session);
    }
    return this.subscriptionsOf(session);
  }

  unsubscribe(session: RealtimeSession, message: ClientMessage): SubscriptionsMessage {
    const request = readSubscriptionRequest(message, Number.MAX_SAFE_INTEGER);
    const touched = new Set<string>();
    for (const id of request.facilityIds) {
      if (session.facilityIds.delete(id)) touched.add(id);
    }
    if (request.bbox) {
      const key = boxKey(request.bbox);
      for (const id of session.boxes.get(key)?.facilityIds ?? []) touched.add(id);
      session.boxes.delete(key);
      if (session.boxes.size === 0) this.boxFollowers.delete(session);
    }
    const followers = this.followersIndexOf(session);
    for (const id of touched) if (!session.follows(id)) followers.remove(id, session);
    return this.subscriptionsOf(session);
  }

  /** The follower index a session belongs in, decided by its identity (fixed at the handshake). */
  private followersIndexOf(session: RealtimeSession): SocketIndex<RealtimeSession> {
    if (operatorFeedOf(session)) return this.feedFollowers;
    return session.identity.fidelity === 'full' ? this.exactFollowers : this.levelFollowers;
  }

  private subscriptionsOf(session: RealtimeSession): SubscriptionsMessage {
    return { type: 'subscribed', facilityIds: [...session.followed()].sort(), boundingBoxes: [...session.boxes.values()].map((b) => b.box) };
  }

  /** A facility was published or moved: boxes that now contain it follow it, room permitting. */
  facilityChanged(facility: FacilityRouting): void {
    if (!facility.public) return;
    for (const session of this.boxFollowers) {
      for (const entry of session.boxes.values()) {
        if (entry.facilityIds.has(facility.id) || !boxContains(entry.box, facility.latitude, facility.longitude)) continue;
        if (!session.follows(facility.id) && session.followed().size >= this.limits.maxSubscriptions) continue;
        entry.facilityIds.add(facility.id);
        this.followersIndexOf(session).add(facility.id, session);
      }
    }
  }

  // ------------------------------------------------------------------ delivery

  /** Whether any socket of this instance would receive an event of the facility. */
  hasAudience(facility: Pick<FacilityRouting, 'id' | 'operatorId'>): boolean {
    return (
      this.exactFollowers.get(facility.id) !== undefined ||
      this.levelFollowers.get(facility.id) !== undefined ||
      this.feedFollowers.get(facility.id) !== undefined ||
      this.byOperator.get(facility.operatorId) !== undefined
    );
  }

  hasOperatorAudience(operatorId: string): boolean {
    return this.byOperator.get(operatorId) !== undefined;
  }

  /**
   * Availability goes to the operator's own feeds (exact), and, for public facilities, to the
   * sockets following it: exact for accounts and keys, the level only for anonymous sockets.
   */
  publishAvailability(facility: FacilityRouting, count: SpaceTypeCount, period: TimePeriod | null, originAt?: number): void {
    const base = { facilityId: facility.id, spaceType: count.spaceType, period, level: availabilityLevel(count.availableNow, count.capacity) };
    const at = new Date().toISOString();
    let full: PreparedFrame | undefined;
    let coarse: PreparedFrame | undefined;
    const fullFrame = () => (full ??= frameOf('availability_changed', { ...base, availableNow: count.availableNow, capacity: count.capacity }, at));
    const coarseFrame = () => (coarse ??= frameOf('availability_changed', { ...base, availableNow: null, capacity: null }, at));

    let delivered = 0;
    const feeds = this.byOperator.get(facility.operatorId);
    if (feeds) delivered += this.deliverAll(feeds, fullFrame());
    if (facility.public) {
      const exact = this.exactFollowers.get(facility.id);
      if (exact) delivered += this.deliverAll(exact, fullFrame());
      const level = this.levelFollowers.get(facility.id);
      if (level) delivered += this.deliverAll(level, coarseFrame());
      // Few sockets: other operators' feeds following this facility (its own feeds had it above).
      for (const session of this.feedFollowers.get(facility.id) ?? []) {
        if (session.identity.operatorId !== facility.operatorId) delivered += this.deliver(session, fullFrame());
      }
    }
    if (full || coarse) this.published(delivered, originAt);
  }

  /** booking_created, booking_updated and revenue_updated: the operator's own feeds and nobody else. */
  publishToOperator<E extends Exclude<RealtimeEventName, 'availability_changed'>>(
    operatorId: string,
    event: E,
    data: RealtimeEventPayloads[E],
    originAt?: number,
  ): void {
    const feeds = this.byOperator.get(operatorId);
    if (!feeds) return;
    this.published(this.deliverAll(feeds, frameOf(event, data, new Date().toISOString())), originAt);
  }

  /**
   * An event for one person (a waitlist offer): to every socket of theirs on this instance, on any
   * path. A walk over the sessions, as for closing them: such events are rare.
   */
  publishToUser<E extends Exclude<RealtimeEventName, 'availability_changed'>>(
    userId: string,
    event: E,
    data: RealtimeEventPayloads[E],
    originAt?: number,
  ): void {
    const theirs = [...this.sessions].filter((session) => session.identity.userId === userId);
    if (!theirs.length) return;
    this.published(this.deliverAll(theirs, frameOf(event, data, new Date().toISOString())), originAt);
  }

  /** Counts an event; one that reached a socket also counts towards the commit-to-send latency. */
  private published(delivered: number, originAt: number | undefined): void {
    this.stats.eventPublished(delivered);
    if (delivered > 0 && originAt !== undefined) this.stats.eventSent(originAt);
  }

  /** Whether an admin on this instance has the live feed open (the system page keeps its snapshot warm then). */
  hasAdminAudience(): boolean {
    return this.adminFeeds.size > 0;
  }

  /** `system_error` and `service_status_changed` to every /ws/admin socket of this instance. */
  publishToAdmins<E extends keyof AdminFeedPayloads>(event: E, data: AdminFeedPayloads[E]): void {
    if (this.adminFeeds.size === 0) return;
    this.stats.eventPublished(this.deliverAll(this.adminFeeds, PreparedFrame.ofJson({ type: 'event', event, data, at: new Date().toISOString() })));
  }

  /** Whether any investor or admin on this instance listens to the platform feed. */
  hasPlatformAudience(): boolean {
    return this.platformFeeds.size > 0;
  }

  /** The platform's `revenue_updated` to every /ws/investor socket: no facility, operator or amount in it. */
  publishToPlatform(data: PlatformRevenueUpdatedEvent): void {
    if (this.platformFeeds.size === 0) return;
    const message: InvestorFeedEvent = { type: 'event', event: 'revenue_updated', data, at: new Date().toISOString() };
    this.stats.eventPublished(this.deliverAll(this.platformFeeds, PreparedFrame.ofJson(message)));
  }

  /** Tells every socket to refetch: events may have been missed while the listener was away. */
  resync(reason: string): void {
    this.deliverAll(this.sessions, PreparedFrame.ofJson({ type: 'resync', reason, at: new Date().toISOString() } satisfies ServerMessage));
  }

  private sendTo(session: RealtimeSession, message: ServerMessage): void {
    this.deliver(session, PreparedFrame.ofJson(message));
  }

  /** Writes one prepared frame to each session; returns how many took it. */
  private deliverAll(sessions: Iterable<RealtimeSession>, frame: PreparedFrame): number {
    let delivered = 0;
    for (const session of sessions) delivered += this.deliver(session, frame);
    return delivered;
  }

  /** Writes one frame; a socket that has stopped reading is cut off instead of buffered for. */
  private deliver(session: RealtimeSession, frame: PreparedFrame): number {
    const socket = session.socket;
    if (socket.readyState !== WebSocket.OPEN) return 0;
    if (socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.stats.slowConsumerDropped();
      this.recordDisconnect(session, 'slow consumer: unsent data past WS_MAX_BUFFERED_BYTES');
      socket.terminate();
      return 0;
    }
    writeFrame(socket, frame);
    return 1;
  }

  /** Facilities followed, summed over this instance's sockets (an operator's own feed is not a subscription). */
  subscriptionCount(): number {
    let count = 0;
    for (const session of this.sessions) count += session.followed().size;
    return count;
  }

  /** Who is on this instance's sockets, for the active-user count: accounts (an integrator as its key's owner) and anonymous sockets. */
  socketAudience(): { users: Array<{ userId: string; role: Role | null }>; anonymous: number } {
    const users: Array<{ userId: string; role: Role | null }> = [];
    let anonymous = 0;
    for (const { identity } of this.sessions) {
      if (identity.userId === null) anonymous += 1;
      else users.push({ userId: identity.userId, role: identity.role === 'integrator' || identity.role === 'anonymous' ? null : identity.role });
    }
    return { users, anonymous };
  }

  /**
   * An abnormal end of a socket, for the status page's recent errors (counts; critical only for
   * 1011, a server error). Once per socket: a socket cut off here then closes with 1006 too.
   */
  private recordDisconnect(session: RealtimeSession, what: string): void {
    if (this.disconnectRecorded.has(session)) return;
    this.disconnectRecorded.add(session);
    const critical = what.includes('1011');
    this.errorLog.record({ service: 'WebSocket', type: ERROR_TYPES.disconnect, message: `${session.path}: ${what}`, requestId: null, critical });
  }

  /** Open sockets of this instance (for tests and the stats page). */
  get size(): number {
    return this.sessions.size;
  }
}

function frameOf<E extends RealtimeEventName>(event: E, data: RealtimeEventPayloads[E] | AvailabilityChangedEvent, at: string): PreparedFrame {
  return PreparedFrame.ofJson({ type: 'event', event, data, at });
}

/** The operator whose feed a /ws/operator socket is (it receives that operator's events through `byOperator`). */
function operatorFeedOf(session: RealtimeSession): string | undefined {
  return session.path === WS_OPERATOR_PATH ? (session.identity.operatorId ?? undefined) : undefined;
}
