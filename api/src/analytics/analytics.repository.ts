import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnalyticsGranularity, OpeningHours } from '@aiparksit/shared';

export interface ScopeFacility {
  id: string;
  operatorId: string;
  ownerId: string;
  timeZone: string;
  openingHours: OpeningHours;
  activeSpaces: number;
}

/** Each facility's own range, in whole UTC hours. */
export interface FacilityRange {
  facilityId: string;
  timeZone: string;
  from: Date;
  to: Date;
}

export interface RevenueRow {
  currency: string;
  bucket: string;
  gross: string;
  refund: string;
  fee: string;
  net: string;
  bookings: string;
}

export interface OccupancyRow {
  /** Null on heatmap rows. */
  bucket: string | null;
  weekday: number | null;
  hour: number | null;
  seconds: string;
}

const FACILITY_COLUMNS = `f.id, f.operator_id AS "operatorId", o.owner_id AS "ownerId", f.time_zone AS "timeZone", f.opening_hours AS "openingHours",
  (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS "activeSpaces"`;

/** Each facility's range, for `unnest`: the rollups are read per facility between its own bounds. */
const RANGES = `unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS q(facility_id, time_zone, from_at, to_at)`;

/**
 * SQL of analytics. Reads only the hourly rollups (never bookings or the ledger); buckets are
 * local to each facility: `date_trunc(granularity, hour AT TIME ZONE zone)`.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async facility(id: string): Promise<ScopeFacility | undefined> {
    const rows: ScopeFacility[] = await this.dataSource.query(`SELECT ${FACILITY_COLUMNS} FROM facilities f JOIN operators o ON o.id = f.operator_id WHERE f.id = $1`, [id]);
    return rows[0];
  }

  /** An operator's facilities; `ownerId` narrows to the operator owned by that account. */
  portfolio(filter: { operatorId: string } | { ownerId: string }): Promise<ScopeFacility[]> {
    const [where, value] = 'operatorId' in filter ? ['f.operator_id = $1', filter.operatorId] : ['o.owner_id = $1', filter.ownerId];
    return this.dataSource.query(`SELECT ${FACILITY_COLUMNS} FROM facilities f JOIN operators o ON o.id = f.operator_id WHERE ${where} ORDER BY f.id`, [value]);
  }

  async operatorExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM operators WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  revenue(ranges: FacilityRange[], granularity: AnalyticsGranularity): Promise<RevenueRow[]> {
    return this.dataSource.query(
      `SELECT r.currency, to_char(date_trunc($5, r.bucket AT TIME ZONE q.time_zone), 'YYYY-MM-DD"T"HH24:MI') AS bucket,
              sum(r.gross_cents)::text AS gross, sum(r.refund_cents)::text AS refund, sum(r.fee_cents)::text AS fee,
              sum(r.net_cents)::text AS net, sum(r.bookings)::text AS bookings
         FROM ${RANGES}
         JOIN analytics_revenue_hourly r ON r.facility_id = q.facility_id AND r.bucket >= q.from_at AND r.bucket < q.to_at
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [...rangeParams(ranges), granularity],
    );
  }

  /** Booked space-seconds per local bucket, and per local weekday × hour, in one pass. */
  occupancy(ranges: FacilityRange[], granularity: AnalyticsGranularity): Promise<OccupancyRow[]> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc($5, h.local), 'YYYY-MM-DD"T"HH24:MI') AS bucket,
              extract(isodow FROM h.local)::int AS weekday, extract(hour FROM h.local)::int AS hour,
              sum(h.booked_seconds)::text AS seconds
         FROM (SELECT o.bucket AT TIME ZONE q.time_zone AS local, o.booked_seconds
                 FROM ${RANGES}
                 JOIN analytics_occupancy_hourly o ON o.facility_id = q.facility_id AND o.bucket >= q.from_at AND o.bucket < q.to_at) AS h
        GROUP BY GROUPING SETS ((date_trunc($5, h.local)), (extract(isodow FROM h.local), extract(hour FROM h.local)))`,
      [...rangeParams(ranges), granularity],
    );
  }
}

function rangeParams(ranges: FacilityRange[]): [string[], string[], Date[], Date[]] {
  return [ranges.map((r) => r.facilityId), ranges.map((r) => r.timeZone), ranges.map((r) => r.from), ranges.map((r) => r.to)];
}
