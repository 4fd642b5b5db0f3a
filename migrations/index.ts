import { Foundation1795500000000 } from './1795500000000-foundation.js';
import { BookingOccupancy1795500100000 } from './1795500100000-booking-occupancy.js';
import { MarketplaceSearch1795500300000 } from './1795500300000-marketplace-search.js';
import { BookingExtensions1795500400000 } from './1795500400000-booking-extensions.js';
import { OutboxLeaseAndMailbox1795500500000 } from './1795500500000-outbox-lease-and-mailbox.js';
import { RealtimeEvents1795500700000 } from './1795500700000-realtime-events.js';
import { OperatorOnboarding1795500800000 } from './1795500800000-operator-onboarding.js';
import { AnalyticsRollups1795500810000 } from './1795500810000-analytics-rollups.js';
import { FacilityBlackouts1795500900000 } from './1795500900000-facility-blackouts.js';
import { AnalyticsDailyRollups1795501000000 } from './1795501000000-analytics-daily-rollups.js';
import { PayoutAccountChanges1795501200000 } from './1795501200000-payout-account-changes.js';
import { AnalyticsDayTotalsIndex1795501300000 } from './1795501300000-analytics-day-totals-index.js';
import { AccountSecurity1795501600000 } from './1795501600000-account-security.js';
import { IdempotencyClaimLeases1795501700000 } from './1795501700000-idempotency-claim-leases.js';
import { BookingIdempotencyKey1795501900000 } from './1795501900000-booking-idempotency-key.js';
import { InvestorMetrics1795502000000 } from './1795502000000-investor-metrics.js';
import { MailboxAttachments1795502100000 } from './1795502100000-mailbox-attachments.js';
import { ReportSubscriptions1795502110000 } from './1795502110000-report-subscriptions.js';
import { ApiInstances1795502200000 } from './1795502200000-api-instances.js';
import { RealtimeCommitStamps1795502300000 } from './1795502300000-realtime-commit-stamps.js';
import { AdminAudit1795502400000 } from './1795502400000-admin-audit.js';
import { SystemErrors1795502410000 } from './1795502410000-system-errors.js';
import { AnalyticsRangeRecompute1795502420000 } from './1795502420000-analytics-range-recompute.js';
import { HarvestBlockLifts1795502430000 } from './1795502430000-harvest-block-lifts.js';
import { AccountInvitations1795502500000 } from './1795502500000-account-invitations.js';
import { PlaceSearch1795502600000 } from './1795502600000-place-search.js';
import { PasswordResetTokens1795502700000 } from './1795502700000-password-reset-tokens.js';
import { RealtimeBookingUpdates1795502800000 } from './1795502800000-realtime-booking-updates.js';
import { CredentialChangeNotices1795503300000 } from './1795503300000-credential-change-notices.js';
import { SpaceAvailability1795503500000 } from './1795503500000-space-availability.js';
import { SpaceAvailabilityRebuild1795503500100 } from './1795503500100-space-availability-rebuild.js';
import { MetricsChangedMembers1795503700000 } from './1795503700000-metrics-changed-members.js';
import { FacilitySpaceTypes1795503800000 } from './1795503800000-facility-space-types.js';
import { FacilityEarthPoint1795503810000 } from './1795503810000-facility-earth-point.js';
import { TriggerGenericPlans1795503900000 } from './1795503900000-trigger-generic-plans.js';
import { RealtimeEndedBookings1795504000000 } from './1795504000000-realtime-ended-bookings.js';
import { Waitlist1795504100000 } from './1795504100000-waitlist.js';
import { OccupancyForecasts1795504200000 } from './1795504200000-occupancy-forecasts.js';
import { OccupancyTypeForecasts1795504300000 } from './1795504300000-occupancy-type-forecasts.js';
import { PriceSuggestions1795504400000 } from './1795504400000-price-suggestions.js';
import { BookingSeries1795504500000 } from './1795504500000-booking-series.js';
import { MonthlyPasses1795504600000 } from './1795504600000-monthly-passes.js';

/** Every migration, in order. Listed by hand so the build and the runner never disagree. */
export const migrations = [
  Foundation1795500000000,
  BookingOccupancy1795500100000,
  MarketplaceSearch1795500300000,
  BookingExtensions1795500400000,
  OutboxLeaseAndMailbox1795500500000,
  RealtimeEvents1795500700000,
  OperatorOnboarding1795500800000,
  AnalyticsRollups1795500810000,
  FacilityBlackouts1795500900000,
  AnalyticsDailyRollups1795501000000,
  PayoutAccountChanges1795501200000,
  AnalyticsDayTotalsIndex1795501300000,
  AccountSecurity1795501600000,
  IdempotencyClaimLeases1795501700000,
  BookingIdempotencyKey1795501900000,
  InvestorMetrics1795502000000,
  MailboxAttachments1795502100000,
  ReportSubscriptions1795502110000,
  ApiInstances1795502200000,
  RealtimeCommitStamps1795502300000,
  AdminAudit1795502400000,
  SystemErrors1795502410000,
  AnalyticsRangeRecompute1795502420000,
  HarvestBlockLifts1795502430000,
  AccountInvitations1795502500000,
  PlaceSearch1795502600000,
  PasswordResetTokens1795502700000,
  RealtimeBookingUpdates1795502800000,
  CredentialChangeNotices1795503300000,
  SpaceAvailability1795503500000,
  SpaceAvailabilityRebuild1795503500100,
  MetricsChangedMembers1795503700000,
  FacilitySpaceTypes1795503800000,
  FacilityEarthPoint1795503810000,
  TriggerGenericPlans1795503900000,
  RealtimeEndedBookings1795504000000,
  Waitlist1795504100000,
  OccupancyForecasts1795504200000,
  OccupancyTypeForecasts1795504300000,
  PriceSuggestions1795504400000,
  BookingSeries1795504500000,
  MonthlyPasses1795504600000,
];
