import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_STATUSES,
  ONBOARDING_STEPS,
  OPERATOR_STATUSES,
  type BookingStatus,
  type MaskedPayoutAccount,
  type OnboardingApplication,
  type OnboardingCompany,
  type OnboardingContact,
  type OnboardingStep,
  type OperatorApplicationSummary,
  type OperatorDashboard,
  type OperatorDashboardBooking,
  type OperatorDashboardFacility,
  type OperatorStatus,
  type Page,
} from '@aiparksit/shared';

// OpenAPI shapes of the onboarding, review queue and dashboard responses; each implements its
// shared contract type, so a change there that is not made here fails the build.

export class OnboardingCompanyViewDto implements OnboardingCompany {
  @ApiProperty() legalName: string;
  @ApiProperty() displayName: string;
  @ApiProperty() taxId: string;
}

export class OnboardingContactViewDto implements OnboardingContact {
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ example: '+4930123456' }) phone: string;
}

export class MaskedPayoutAccountDto implements MaskedPayoutAccount {
  @ApiProperty({ enum: ['iban', 'us_ach'] }) kind: 'iban' | 'us_ach';
  @ApiProperty() holderName: string;
  @ApiProperty({ example: 'DE' }) country: string;
  @ApiProperty({ description: 'The IBAN’s bank code or the ABA routing number; never the account.' }) bankHint: string;
  @ApiProperty({ example: '3000' }) last4: string;
  @ApiProperty({ example: 'DE•• •••• •••• •••• 3000' }) display: string;
}

export class AcceptedTermsDto {
  @ApiProperty() version: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
}

export class OnboardingApplicationDto implements OnboardingApplication {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OPERATOR_STATUSES }) status: OperatorStatus;
  @ApiProperty({ type: OnboardingCompanyViewDto }) company: OnboardingCompanyViewDto;
  @ApiProperty({ type: OnboardingContactViewDto, nullable: true }) contact: OnboardingContactViewDto | null;
  @ApiProperty({ type: MaskedPayoutAccountDto, nullable: true }) payoutAccount: MaskedPayoutAccountDto | null;
  @ApiProperty({ type: AcceptedTermsDto, nullable: true }) terms: AcceptedTermsDto | null;
  @ApiProperty({ enum: ONBOARDING_STEPS, isArray: true, description: 'Steps still to complete before submitting.' }) missingSteps: OnboardingStep[];
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an approved operator last changed the payout account; null: the reviewed one.',
  })
  payoutAccountChangedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ApplicantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
}

export class OperatorApplicationSummaryDto extends OnboardingApplicationDto implements OperatorApplicationSummary {
  @ApiProperty({ type: ApplicantDto }) owner: ApplicantDto;
}

export class OperatorApplicationPageDto implements Page<OperatorApplicationSummary> {
  @ApiProperty({ type: OperatorApplicationSummaryDto, isArray: true }) items: OperatorApplicationSummaryDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class DashboardOperatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: OPERATOR_STATUSES }) status: OperatorStatus;
}

export class DashboardFacilityDto implements OperatorDashboardFacility {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty() published: boolean;
  @ApiProperty({ description: 'Active spaces.' }) capacity: number;
  @ApiProperty({ description: 'Spaces held by a confirmed booking right now.' }) occupiedNow: number;
}

export class DashboardOccupancyDto {
  @ApiProperty() occupied: number;
  @ApiProperty() capacity: number;
  @ApiProperty() percent: number;
}

export class DashboardRevenueDto {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty() todayGrossCents: number;
  @ApiProperty() todayNetCents: number;
  @ApiProperty() monthGrossCents: number;
  @ApiProperty() monthNetCents: number;
}

export class DashboardTodayDto {
  @ApiProperty() arrivals: number;
  @ApiProperty() departures: number;
}

export class DashboardBookingDto implements OperatorDashboardBooking {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() facilityName: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() vehiclePlate: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OperatorDashboardDto implements OperatorDashboard {
  @ApiProperty({ type: DashboardOperatorDto }) operator: DashboardOperatorDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [DashboardFacilityDto] }) facilities: DashboardFacilityDto[];
  @ApiProperty({ type: DashboardOccupancyDto }) occupancyNow: DashboardOccupancyDto;
  @ApiProperty({ type: [DashboardRevenueDto], description: 'Per currency; today and this month in each facility’s time zone.' }) revenue: DashboardRevenueDto[];
  @ApiProperty({ type: DashboardTodayDto }) today: DashboardTodayDto;
  @ApiProperty({ type: [DashboardBookingDto], description: 'The 10 newest bookings.' }) recentBookings: DashboardBookingDto[];
}
