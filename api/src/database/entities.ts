import { AccountInvitationEntity } from '../accounts/account-invitation.entity.js';
import { OccupancyDailyEntity } from '../analytics/occupancy-daily.entity.js';
import { OccupancyWeekdayEntity } from '../analytics/occupancy-weekday.entity.js';
import { RevenueDailyEntity } from '../analytics/revenue-daily.entity.js';
import { RevenueHourEntity } from '../analytics/revenue-hour.entity.js';
import { ApiKeyEntity } from '../api-keys/api-key.entity.js';
import { EmailVerificationTokenEntity } from '../auth/email-verification-token.entity.js';
import { PasswordResetTokenEntity } from '../auth/password-reset-token.entity.js';
import { LoginThrottleEntity } from '../auth/login-throttle.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { BookingExtensionEntity } from '../bookings/booking-extension.entity.js';
import { BookingEntity } from '../bookings/booking.entity.js';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity.js';
import { FacilityEntity } from '../facilities/facility.entity.js';
import { RateEntity } from '../facilities/rate.entity.js';
import { SpaceEntity } from '../facilities/space.entity.js';
import { SpaceAvailabilityEntity } from '../facilities/space-availability.entity.js';
import { FacilitySpaceTypesEntity } from '../facilities/facility-space-types.entity.js';
import { PlaceEntity } from '../facilities/place.entity.js';
import { PlaceNameEntity } from '../facilities/place-name.entity.js';
import { FacilityBlackoutEntity } from '../facility-management/facility-blackout.entity.js';
import { MailboxAttachmentEntity } from '../notifications/mailbox-attachment.entity.js';
import { MailboxMessageEntity } from '../notifications/mailbox-message.entity.js';
import { OperatorEntity } from '../operators/operator.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { LedgerEntryEntity } from '../payments/ledger-entry.entity.js';
import { PaymentEntity } from '../payments/payment.entity.js';
import { ReportSubscriptionDeliveryEntity } from '../report-subscriptions/report-subscription-delivery.entity.js';
import { ReportSubscriptionEntity } from '../report-subscriptions/report-subscription.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { WaitlistEntryEntity } from '../waitlist/waitlist-entry.entity.js';
import { MonthlyPassEntity } from '../passes/monthly-pass.entity.js';
import { PassOfferEntity } from '../passes/pass-offer.entity.js';
import { FxRateEntity } from '../metrics/fx-rate.entity.js';
import { CityRevenueDailyEntity } from '../metrics/city-revenue-daily.entity.js';
import { FacilityRevenueDailyEntity } from '../metrics/facility-revenue-daily.entity.js';
import { FacilityRevenueMonthlyEntity } from '../metrics/facility-revenue-monthly.entity.js';
import { CityStaysDailyEntity } from '../metrics/city-stays-daily.entity.js';
import { DemandHourlyEntity } from '../metrics/demand-hourly.entity.js';
import { ApiInstanceEntity } from '../telemetry/api-instance.entity.js';
import { ActiveDayEntity } from '../metrics/active-day.entity.js';
import { ActiveGapEntity } from '../metrics/active-gap.entity.js';
import { DriverCohortEntity } from '../metrics/driver-cohort.entity.js';
import { SignupsHourlyEntity } from '../metrics/signups-hourly.entity.js';
import { FacilityListingEntity } from '../metrics/facility-listing.entity.js';
import { OperatorMilestoneEntity } from '../metrics/operator-milestone.entity.js';
import { SupplyChangeEntity } from '../metrics/supply-change.entity.js';
import { AdminAuditEntity } from '../audit/admin-audit.entity.js';
import { SystemErrorGroupEntity } from '../error-log/system-error-group.entity.js';
import { SystemErrorHourEntity } from '../error-log/system-error-hour.entity.js';
import { HarvestBlockLiftEntity } from '../harvest/harvest-block-lift.entity.js';
import { OccupancyForecastEntity } from '../forecast/occupancy-forecast.entity.js';
import { BookingSeriesEntity } from '../booking-series/booking-series.entity.js';
import { RateChangeEntity } from '../facility-management/rate-change.entity.js';
import { PriceFloorEntity } from '../price-suggestions/price-floor.entity.js';
import { PriceSuggestionEntity } from '../price-suggestions/price-suggestion.entity.js';
import { OccupancyTypeForecastEntity } from '../forecast/occupancy-type-forecast.entity.js';

/**
 * Every TypeORM entity: one per table the migrations create, listed by hand (no globs: the build
 * and the runtime see the same list). A new table gets its entity here in the same change, and
 * api/test/database/entities-schema.e2e-spec.ts holds the two together. Entities serve simple
 * CRUD through repositories; queries that matter are written as SQL (docs/decisions.md).
 */
export const entities = [
  UserEntity,
  RefreshTokenEntity,
  EmailVerificationTokenEntity,
  PasswordResetTokenEntity,
  AccountInvitationEntity,
  LoginThrottleEntity,
  ApiKeyEntity,
  OperatorEntity,
  FacilityEntity,
  SpaceEntity,
  SpaceAvailabilityEntity,
  FacilitySpaceTypesEntity,
  RateEntity,
  PlaceEntity,
  PlaceNameEntity,
  FacilityBlackoutEntity,
  BookingEntity,
  BookingExtensionEntity,
  PaymentEntity,
  LedgerEntryEntity,
  OutboxMessageEntity,
  MailboxMessageEntity,
  MailboxAttachmentEntity,
  IdempotencyKeyEntity,
  RevenueDailyEntity,
  RevenueHourEntity,
  OccupancyDailyEntity,
  OccupancyWeekdayEntity,
  ReportSubscriptionEntity,
  ReportSubscriptionDeliveryEntity,
  FxRateEntity,
  CityRevenueDailyEntity,
  FacilityRevenueDailyEntity,
  FacilityRevenueMonthlyEntity,
  CityStaysDailyEntity,
  DemandHourlyEntity,
  ActiveDayEntity,
  ActiveGapEntity,
  DriverCohortEntity,
  SignupsHourlyEntity,
  FacilityListingEntity,
  OperatorMilestoneEntity,
  SupplyChangeEntity,
  AdminAuditEntity,
  ApiInstanceEntity,
  SystemErrorGroupEntity,
  SystemErrorHourEntity,
  HarvestBlockLiftEntity,
  WaitlistEntryEntity,
  PassOfferEntity,
  MonthlyPassEntity,
  OccupancyForecastEntity,
  BookingSeriesEntity,
  RateChangeEntity,
  PriceFloorEntity,
  PriceSuggestionEntity,
  OccupancyTypeForecastEntity,
];
