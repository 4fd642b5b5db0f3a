import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SeriesMode, SkippedOccurrence, SpaceType, WeeklyPattern } from '@aiparksit/shared';
import { withTransaction, type SqlTransaction } from '../database/index.js';

/** A series as its SQL reads it, with what a view needs of its facility. */
export interface SeriesRecord {
  id: string;
  driverId: string;
  operatorOwnerId: string;
  facilityId: string;
  facilityName: string;
  addressLine: string;
  city: string;
  timeZone: string;
  spaceType: SpaceType;
  vehiclePlate: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  firstDate: string;
  weeks: number;
  mode: SeriesMode;
  skipped: SkippedOccurrence[];
  totalCents: number;
  currency: string;
  createdAt: Date;
}

export interface NewSeries extends WeeklyPattern {
  driverId: string;
  facilityId: string;
  spaceType: SpaceType;
  vehiclePlate: string;
  mode: SeriesMode;
  currency: string;
  idempotencyKey: string;
}

const SERIES_SELECT = `
  SELECT s.id, s.driver_id AS "driverId", o.owner_id AS "operatorOwnerId", s.facility_id AS "facilityId",
         f.name AS "facilityName", f.address_line AS "addressLine", f.city, f.time_zone AS "timeZone",
         s.space_type AS "spaceType", s.vehicle_plate AS "vehiclePlate", s.weekdays,
         to_char(s.start_time, 'HH24:MI') AS "startTime", to_char(s.end_time, 'HH24:MI') AS "endTime",
         to_char(s.first_date, 'YYYY-MM-DD') AS "firstDate", s.weeks, s.mode, s.skipped,
         s.total_cents AS "totalCents", trim(s.currency) AS currency, s.created_at AS "createdAt"
    FROM booking_series s
    JOIN facilities f ON f.id = s.facility_id
    JOIN operators o ON o.id = f.operator_id`;

/** SQL of booking series. Their occurrences are bookings, written through the bookings module in the same transaction. */
@Injectable()
export class BookingSeriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, work);
  }

  async insert(tx: SqlTransaction, series: NewSeries): Promise<string> {
    const row = await tx.one<{ id: string }>(
      `INSERT INTO booking_series (driver_id, facility_id, space_type, vehicle_plate, weekdays, start_time, end_time, first_date, weeks, mode, total_cents, currency,
                                   idempotency_key)
       VALUES ($1, $2, $3::space_type, $4, $5::smallint[], $6::time, $7::time, $8::date, $9, $10::booking_series_mode, 0, $11, $12) RETURNING id`,
      [
        series.driverId,
        series.facilityId,
        series.spaceType,
        series.vehiclePlate,
        series.weekdays,
        series.startTime,
        series.endTime,
        series.firstDate,
        series.weeks,
        series.mode,
        series.currency,
        series.idempotencyKey,
      ],
    );
    return row!.id;
  }

  /** What was held in the end: the price of the held occurrences, and the skipped ones with why. */
  async settle(tx: SqlTransaction, id: string, totalCents: number, skipped: SkippedOccurrence[]): Promise<void> {
    await tx.rows(`UPDATE booking_series SET total_cents = $2, skipped = $3::jsonb WHERE id = $1 RETURNING id`, [id, totalCents, JSON.stringify(skipped)]);
  }

  async findById(id: string): Promise<SeriesRecord | undefined> {
    const rows: SeriesRecord[] = await this.dataSource.query(`${SERIES_SELECT} WHERE s.id = $1`, [id]);
    return rows[0];
  }

  /** The series a driver made under this Idempotency-Key before (a retry after a crash). */
  async findIdByIdempotencyKey(driverId: string, idempotencyKey: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM booking_series WHERE driver_id = $1 AND idempotency_key = $2`, [
      driverId,
      idempotencyKey,
    ]);
    return rows[0]?.id;
  }

  /** The driver's series, newest first. */
  listByDriver(driverId: string, limit: number): Promise<SeriesRecord[]> {
    return this.dataSource.query(`${SERIES_SELECT} WHERE s.driver_id = $1 ORDER BY s.created_at DESC, s.id LIMIT $2`, [driverId, limit]);
  }
}
