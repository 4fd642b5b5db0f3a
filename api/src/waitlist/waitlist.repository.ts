import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SpaceType, WaitlistEntryView, WaitlistStatus } from '@aiparksit/shared';
import { isUniqueViolation } from '../database/index.js';
import { freeSpacesSql } from '../facilities/index.js';
import { LINES_WITH_FREE_SPACE_SQL, OFFER_SQL, SETTLE_SQL } from './waitlist-sql.js';

export interface NewWaitlistEntry {
  driverId: string;
  facilityId: string;
  spaceType: SpaceType;
  start: Date;
  end: Date;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
}

interface EntryRow {
  id: string;
  status: WaitlistStatus;
  facilityId: string;
  facilityName: string;
  addressLine: string;
  city: string;
  timeZone: string;
  spaceType: SpaceType;
  start: Date;
  end: Date;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  position: number | null;
  bookingId: string | null;
  bookingCode: string | null;
  bookingStatus: string | null;
  holdExpiresAt: Date | null;
  offeredAt: Date | null;
  createdAt: Date;
}

/** Everything an entry's view needs; `position` counts the waiting entries ahead of it in its line. */
const ENTRY_SELECT = `
  SELECT w.id, w.status, w.facility_id AS "facilityId", f.name AS "facilityName", f.address_line AS "addressLine", f.city, f.time_zone AS "timeZone",
         w.space_type AS "spaceType", lower(w.period) AS start, upper(w.period) AS "end", w.vehicle_plate AS "vehiclePlate",
         w.amount_cents AS "amountCents", w.currency,
         CASE WHEN w.status = 'waiting' THEN 1 + (SELECT count(*) FROM waitlist_entries ahead
                                                    WHERE ahead.facility_id = w.facility_id AND ahead.space_type = w.space_type
                                                      AND ahead.status = 'waiting' AND ahead.position < w.position)::int END AS position,
         b.id AS "bookingId", b.code AS "bookingCode", b.status::text AS "bookingStatus", b.hold_expires_at AS "holdExpiresAt",
         w.offered_at AS "offeredAt", w.created_at AS "createdAt"
    FROM waitlist_entries w
    JOIN facilities f ON f.id = w.facility_id
    LEFT JOIN bookings b ON b.id = w.booking_id`;

/** Most entries a driver's list shows (newest first). */
const LIST_MAX = 50;

@Injectable()
export class WaitlistRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Spaces of the type free for the whole window right now (the read model the search and the holds use). */
  async freeNow(facilityId: string, spaceType: SpaceType, start: Date, end: Date): Promise<number> {
    const [row] = await this.dataSource.query<{ free: number }[]>(`SELECT ${freeSpacesSql('$1', '$2::space_type', 'tstzrange($3, $4)')} AS free`, [
      facilityId,
      spaceType,
      start,
      end,
    ]);
    return row!.free;
  }

  /** The new entry's id, or undefined when the driver already waits (or holds an offer) for this very stay. */
  async insert(entry: NewWaitlistEntry): Promise<string | undefined> {
    try {
      const [row] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO waitlist_entries (driver_id, facility_id, space_type, period, vehicle_plate, amount_cents, currency)
         VALUES ($1, $2, $3::space_type, tstzrange($4, $5), $6, $7, $8) RETURNING id`,
        [entry.driverId, entry.facilityId, entry.spaceType, entry.start, entry.end, entry.vehiclePlate, entry.amountCents, entry.currency],
      );
      return row!.id;
    } catch (error) {
      if (isUniqueViolation(error, 'waitlist_entries_one_per_stay')) return undefined;
      throw error;
    }
  }

  async findSameStay(entry: Pick<NewWaitlistEntry, 'driverId' | 'facilityId' | 'spaceType' | 'start' | 'end'>): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM waitlist_entries
        WHERE driver_id = $1 AND facility_id = $2 AND space_type = $3::space_type AND period = tstzrange($4, $5) AND status IN ('waiting', 'offered')`,
      [entry.driverId, entry.facilityId, entry.spaceType, entry.start, entry.end],
    );
    return row?.id;
  }

  async findOwn(driverId: string, id: string): Promise<WaitlistEntryView | undefined> {
    const rows = await this.dataSource.query<EntryRow[]>(`${ENTRY_SELECT} WHERE w.id = $1 AND w.driver_id = $2`, [id, driverId]);
    return rows[0] && viewOf(rows[0]);
  }

  async listOwn(driverId: string): Promise<WaitlistEntryView[]> {
    const rows = await this.dataSource.query<EntryRow[]>(
      `${ENTRY_SELECT} WHERE w.driver_id = $1 ORDER BY w.created_at DESC, w.position DESC LIMIT ${LIST_MAX}`,
      [driverId],
    );
    return rows.map(viewOf);
  }

  /** Leaves the line; false when the entry is not waiting (any more). */
  async leave(driverId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      // A CTE: TypeORM answers a bare UPDATE with [rows, count], not the rows.
      `WITH gone AS (UPDATE waitlist_entries SET status = 'left', updated_at = now() WHERE id = $1 AND driver_id = $2 AND status = 'waiting' RETURNING id)
       SELECT id FROM gone`,
      [id, driverId],
    );
    return rows.length > 0;
  }

  async settle(): Promise<void> {
    await this.dataSource.query(SETTLE_SQL);
  }

  linesWithFreeSpace(max: number): Promise<{ facilityId: string; spaceType: SpaceType }[]> {
    return this.dataSource.query(LINES_WITH_FREE_SPACE_SQL, [max]);
  }

  offer(facilityId: string, spaceType: SpaceType, holdMinutes: number): Promise<{ entryId: string; bookingId: string }[]> {
    return this.dataSource.query(OFFER_SQL, [facilityId, spaceType, holdMinutes]);
  }
}

function viewOf(row: EntryRow): WaitlistEntryView {
  return {
    id: row.id,
    status: row.status,
    facility: { id: row.facilityId, name: row.facilityName, addressLine: row.addressLine, city: row.city, timeZone: row.timeZone },
    spaceType: row.spaceType,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    vehiclePlate: row.vehiclePlate,
    amountCents: row.amountCents,
    currency: row.currency.trim(),
    position: row.position,
    booking: row.bookingId
      ? { id: row.bookingId, code: row.bookingCode!, status: row.bookingStatus!, holdExpiresAt: row.holdExpiresAt ? row.holdExpiresAt.toISOString() : null }
      : null,
    offeredAt: row.offeredAt ? row.offeredAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
