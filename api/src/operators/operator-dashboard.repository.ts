import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingStatus } from '@aiparksit/shared';

export interface DashboardFacilityRow {
  id: string;
  name: string;
  city: string;
  timeZone: string;
  published: boolean;
  capacity: number;
  occupiedNow: number;
  arrivalsToday: number;
  departuresToday: number;
}

export interface DashboardRevenueRow {
  currency: string;
  todayGross: string;
  todayNet: string;
  monthGross: string;
  monthNet: string;
}

export interface DashboardBookingRow {
  id: string;
  code: string;
  facilityId: string;
  facilityName: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  createdAt: Date;
}

/**
 * SQL of the operator dashboard. Revenue comes from the hourly rollup; "today" and "this month"
 * start at local midnight in each facility's zone (hour buckets are UTC: in zones with a half-hour
 * offset the boundary hour counts whole for the day it starts in).
 */
@Injectable()
export class OperatorDashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  facilities(operatorId: string, now: Date): Promise<DashboardFacilityRow[]> {
    return this.dataSource.query(
      `SELECT f.id, f.name, f.city, f.time_zone AS "timeZone", f.published,
              (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS capacity,
              -- The live-status condition matches bookings_facility_period_idx (partial), so it serves.
              (SELECT count(DISTINCT b.space_id)::int FROM bookings b
                WHERE b.facility_id = f.id AND b.status IN ('pending_payment', 'confirmed') AND b.occupied_period @> $2::timestamptz
                  AND b.status = 'confirmed') AS "occupiedNow",
              (SELECT count(*)::int FROM bookings b
                WHERE b.facility_id = f.id AND b.status IN ('confirmed', 'completed') AND lower(b.period) >= day.start AND lower(b.period) < day.start + interval '1 day') AS "arrivalsToday",
              (SELECT count(*)::int FROM bookings b
                WHERE b.facility_id = f.id AND b.status IN ('confirmed', 'completed') AND upper(b.period) >= day.start AND upper(b.period) < day.start + interval '1 day') AS "departuresToday"
         FROM facilities f
        CROSS JOIN LATERAL (SELECT date_trunc('day', $2::timestamptz AT TIME ZONE f.time_zone) AT TIME ZONE f.time_zone AS start) AS day
        WHERE f.operator_id = $1
        ORDER BY f.name, f.id`,
      [operatorId, now],
    );
  }

  revenue(operatorId: string, now: Date): Promise<DashboardRevenueRow[]> {
    return this.dataSource.query(
      `SELECT r.currency,
              coalesce(sum(r.gross_cents + r.refund_cents) FILTER (WHERE r.day = local.today), 0)::text AS "todayGross",
              coalesce(sum(r.net_cents) FILTER (WHERE r.day = local.today), 0)::text AS "todayNet",
              coalesce(sum(r.gross_cents + r.refund_cents), 0)::text AS "monthGross",
              coalesce(sum(r.net_cents), 0)::text AS "monthNet"
         FROM facilities f
        CROSS JOIN LATERAL (SELECT ($2::timestamptz AT TIME ZONE f.time_zone)::date AS today) AS local
         JOIN analytics_revenue_daily r ON r.facility_id = f.id AND r.day >= date_trunc('month', local.today::timestamp)::date AND r.day <= local.today
        WHERE f.operator_id = $1
        GROUP BY r.currency
        ORDER BY r.currency`,
      [operatorId, now],
    );
  }

  /** The newest bookings across the operator's facilities: the newest 10 of each, then of all. */
  recentBookings(operatorId: string, limit: number): Promise<DashboardBookingRow[]> {
    return this.dataSource.query(
      `SELECT b.id, b.code, b.facility_id AS "facilityId", f.name AS "facilityName", b.status, lower(b.period) AS start, upper(b.period) AS "end",
              b.vehicle_plate AS "vehiclePlate", b.amount_cents AS "amountCents", b.currency, b.created_at AS "createdAt"
         FROM facilities f
        CROSS JOIN LATERAL (SELECT * FROM bookings b WHERE b.facility_id = f.id ORDER BY b.created_at DESC LIMIT $2) AS b
        WHERE f.operator_id = $1
        ORDER BY b.created_at DESC, b.id
        LIMIT $2`,
      [operatorId, limit],
    );
  }
}
