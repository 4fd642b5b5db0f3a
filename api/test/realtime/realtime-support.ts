import type pg from 'pg';
import WebSocket, { type ClientOptions } from 'ws';
import type { ServerMessage, SpaceType } from '@aiparksit/shared';
import { unique } from '../support/db.js';
import type { TestFacility } from '../support/facility-factories.js';

type Message = ServerMessage | Record<string, unknown>;

/** An event frame as parsed JSON: tests reach into its `data` field by field, as a client would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests assert on the fields they read
export type EventFrame = Record<string, any>;

/**
 * A `ws` client that records every frame, so a test can wait for the one it expects (events
 * interleave with answers) and then check what else arrived.
 */
export class RecordingSocket {
  readonly messages: Message[] = [];
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  closeCode: number | undefined;
  readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Message;
      this.messages.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve((this.closeCode = code))));
  }

  /** Opens a socket; resolves when the upgrade succeeded (the server may still close it at once). */
  static open(url: string, options: ClientOptions & { protocols?: string[] } = {}): Promise<RecordingSocket> {
    const { protocols, ...rest } = options;
    const socket = new WebSocket(url, protocols ?? [], rest);
    const recording = new RecordingSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(recording));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`The upgrade was answered with HTTP ${response.statusCode}.`)));
    });
  }

  send(frame: string | object): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or still to come) that matches. */
  waitFor(match: (m: Message) => boolean, timeoutMs = 15_000, what = 'a matching message'): Promise<Message> {
    const already = this.messages.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (m: Message) => (clearTimeout(timer), resolve(m)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received: ${JSON.stringify(this.messages).slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Sends a message and waits for the first answer of one of the given types that arrives after it. */
  async request(frame: object, types: string[] = ['subscribed', 'error', 'pong']): Promise<Message> {
    const seen = this.messages.length;
    this.send(frame);
    return this.waitFor((m) => this.messages.indexOf(m) >= seen && types.includes(String(m.type)), 5000, `an answer to ${JSON.stringify(frame).slice(0, 200)}`);
  }

  /** Events caused by bookings (they carry a period), leaving out the echo of a facility being set up. */
  bookingEvents(name = 'availability_changed'): EventFrame[] {
    return this.events(name).filter((e) => e.data.period !== null);
  }

  events(name?: string): EventFrame[] {
    return this.messages.filter((m) => m.type === 'event' && (name === undefined || (m as { event?: string }).event === name)) as EventFrame[];
  }

  waitForEvent(name: string, match: (data: EventFrame) => boolean = () => true, timeoutMs = 15_000): Promise<EventFrame> {
    return this.waitFor(
      (m) => m.type === 'event' && (m as { event?: string }).event === name && match((m as { data: EventFrame }).data),
      timeoutMs,
      `event ${name}`,
    ) as Promise<EventFrame>;
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    const done = this.closed.then(() => undefined);
    this.socket.close();
    return done;
  }
}

/** Waits for the socket to be closed by the server, with the close code. */
export async function closeCodeOf(url: string, options: ClientOptions & { protocols?: string[] } = {}): Promise<number> {
  const socket = await RecordingSocket.open(url, options);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<number>((_, reject) => (timer = setTimeout(() => reject(new Error('The server did not close the socket.')), 5000)));
  try {
    return await Promise.race([socket.closed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface BookingOptions {
  spaceType?: SpaceType;
  /** Which space of the type (index in the facility's spaces); default 0. */
  spaceIndex?: number;
  start?: Date;
  end?: Date;
  status?: 'pending_payment' | 'confirmed' | 'cancelled';
  vehiclePlate?: string;
  amountCents?: number;
}

/** Inserts a booking straight into SQL (by default: confirmed, covering now, first standard space). */
export async function insertBooking(
  db: pg.Pool | pg.PoolClient,
  driverId: string,
  facility: TestFacility,
  options: BookingOptions = {},
): Promise<{ id: string; code: string }> {
  const spaceType = options.spaceType ?? 'standard';
  const spaceId = facility.spaces[spaceType]?.[options.spaceIndex ?? 0];
  if (!spaceId) throw new Error(`The facility has no ${spaceType} space #${options.spaceIndex ?? 0}.`);
  const start = options.start ?? new Date(Date.now() - 10 * 60_000);
  const end = options.end ?? new Date(Date.now() + 60 * 60_000);
  const status = options.status ?? 'confirmed';
  const code = unique('BK').slice(-24).toUpperCase();
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
     VALUES ($1, $2, $3, $4, $5::space_type, tstzrange($6, $7), $8::booking_status, $9, $10, 'EUR',
             CASE WHEN $8 = 'pending_payment' THEN now() + interval '10 minutes' END)
     RETURNING id`,
    [code, driverId, facility.id, spaceId, spaceType, start, end, status, options.vehiclePlate ?? 'B-RT 2024', options.amountCents ?? 1200],
  );
  return { id: rows[0]!.id, code };
}

/** A successful payment and its gross ledger entry, as the payments module books them. */
export async function insertPayment(db: pg.Pool, booking: { id: string }, facility: TestFacility, amountCents: number): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO payments (booking_id, provider, status, amount_cents, currency) VALUES ($1, 'sandbox', 'succeeded', $2, 'EUR') RETURNING id`,
    [booking.id, amountCents],
  );
  await db.query(
    `INSERT INTO ledger_entries (booking_id, payment_id, operator_id, facility_id, account, amount_cents, currency) VALUES ($1, $2, $3, $4, 'gross', $5, 'EUR')`,
    [booking.id, rows[0]!.id, facility.operatorId, facility.id, amountCents],
  );
}

/** A latitude/longitude no other test's facility uses (a small box of our own on the map). */
export function uniqueSpot(): { lat: number; lng: number } {
  return { lat: -60 + Math.random() * 120, lng: -170 + Math.random() * 340 };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
