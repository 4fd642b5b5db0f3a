import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AMENITIES,
  BOOKING_WINDOW_VIOLATIONS,
  SPACE_TYPES,
  WEEKDAYS,
  type Amenity,
  type AvailabilityLevel,
  type AvailabilityTimelineHour,
  type BookingWindowViolation,
  type BookingWindowViolationCode,
  type DataFidelity,
  type FacilityAlternative,
  type FacilityAlternatives,
  type FacilityAvailability,
  type FacilityDetail,
  type FacilityListPage,
  type FacilitySummary,
  type GeoPoint,
  type MarketplacePage,
  type MarketplaceResult,
  type OpeningHours,
  type PlaceView,
  type PriceQuote,
  type PriceQuoteDay,
  type PriceQuoteSegment,
  type RateMultiplier,
  type RateView,
  type SpaceType,
  type SpaceTypeAvailability,
  type SpaceTypeQuote,
  type Weekday,
} from '@aiparksit/shared';

// OpenAPI shapes of the facilities responses; each implements its shared contract type.

const FIDELITY = { enum: ['full', 'coarse'], description: 'full: exact counts (signed in or API key); coarse: levels only (anonymous).' };

export class GeoPointDto implements GeoPoint {
  @ApiProperty({ example: 52.52 }) lat: number;
  @ApiProperty({ example: 13.405 }) lng: number;
}

export class SpaceTypeAvailabilityDto implements SpaceTypeAvailability {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ enum: ['none', 'few', 'many'], description: 'few: 1 to 5 free; many: more.' }) level: AvailabilityLevel;
  @ApiProperty({ type: Number, nullable: true, description: 'Free for the whole window; null at coarse fidelity.' }) available: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Active spaces of the type; null at coarse fidelity.' }) capacity: number | null;
}

export class FacilitySummaryDto implements FacilitySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() operatorName: string;
  @ApiProperty() addressLine: string;
  @ApiProperty() city: string;
  @ApiProperty() postalCode: string;
  @ApiProperty({ example: 'DE' }) countryCode: string;
  @ApiProperty({ type: GeoPointDto }) location: GeoPoint;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ enum: AMENITIES, isArray: true }) amenities: Amenity[];
  @ApiProperty({ type: Number, nullable: true }) heightLimitCm: number | null;
  @ApiProperty({ type: String, isArray: true }) photos: string[];
  @ApiProperty() open24x7: boolean;
  @ApiProperty({ enum: SPACE_TYPES, isArray: true }) spaceTypes: SpaceType[];
}

export class PriceQuoteSegmentDto implements PriceQuoteSegment {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ example: '08:00', description: "Wall clock at the start in the facility's zone." }) localStart: string;
  @ApiProperty({ example: '24:00', description: 'Wall clock at the end ("24:00" when it ends at the next local midnight).' }) localEnd: string;
  @ApiProperty({ description: 'Real elapsed minutes (the repeated fall-back hour counts twice).' }) minutes: number;
  @ApiProperty({ example: 1.5 }) multiplier: number;
}

export class PriceQuoteDayDto implements PriceQuoteDay {
  @ApiProperty({ example: '2026-12-24', description: 'Local calendar date of the facility.' }) date: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() billedMinutes: number;
  @ApiProperty({ type: [PriceQuoteSegmentDto] }) segments: PriceQuoteSegment[];
  @ApiProperty({ description: "The day's minutes at their rates, rounded half up to a whole cent once." }) uncappedCents: number;
  @ApiProperty({ type: Number, nullable: true }) dailyMaxCents: number | null;
  @ApiProperty() capApplied: boolean;
  @ApiProperty() totalCents: number;
}

export class PriceQuoteDto implements PriceQuote {
  @ApiProperty() totalCents: number;
  @ApiPropertyOptional() currency?: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty() billedMinutes: number;
  @ApiProperty({ type: [PriceQuoteDayDto], description: 'Per local calendar day: segments, uncapped total, daily cap.' })
  lines: PriceQuoteDay[];
}

export class MarketplaceResultDto implements MarketplaceResult {
  @ApiProperty({ type: FacilitySummaryDto }) facility: FacilitySummary;
  @ApiProperty({ type: Number, nullable: true, description: "Metres from the searched point or the city's centre; null for bbox searches." }) distanceMeters:
    number | null;
  @ApiProperty({ type: PriceQuoteDto, nullable: true, description: 'Price of the window; null without a window.' }) quote: PriceQuote | null;
  @ApiProperty({ type: SpaceTypeAvailabilityDto }) availability: SpaceTypeAvailability;
}

export class PlaceViewDto implements PlaceView {
  @ApiProperty({ example: 'zurich' }) id: string;
  @ApiProperty({ example: 'Zürich', description: 'The name facilities use for the city.' }) name: string;
  @ApiProperty({ example: 'CH' }) countryCode: string;
  @ApiProperty({ type: GeoPointDto, description: 'Where "near the city centre" is measured from.' }) centre: GeoPoint;
}

export class MarketplacePageDto implements MarketplacePage {
  @ApiProperty({ type: MarketplaceResultDto, isArray: true }) results: MarketplaceResult[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty(FIDELITY) fidelity: DataFidelity;
  @ApiPropertyOptional({ type: PlaceViewDto, description: 'For a city search: the city it resolved to, whose centre distances are measured from.' })
  place?: PlaceView;
}

export class FacilityListPageDto implements FacilityListPage {
  @ApiProperty({ type: FacilitySummaryDto, isArray: true }) results: FacilitySummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty(FIDELITY) fidelity: DataFidelity;
}

export class RateMultiplierViewDto implements RateMultiplier {
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue'] }) days: Weekday[];
  @ApiProperty({ example: '07:00', description: 'Local "HH:MM".' }) from: string;
  @ApiProperty({ example: '10:00', description: 'Local "HH:MM"; "24:00" ends at midnight.' }) to: string;
  @ApiProperty({ example: 1.5 }) multiplier: number;
}

export class RateViewDto implements RateView {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() hourlyCents: number;
  @ApiProperty({ type: Number, nullable: true }) dailyMaxCents: number | null;
  @ApiProperty({ type: RateMultiplierViewDto, isArray: true }) multipliers: RateMultiplier[];
  @ApiProperty() currency: string;
}

export class SpaceCountDto {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ type: Number, nullable: true, description: 'null at coarse fidelity.' }) count: number | null;
}

export class FacilityDetailDto extends FacilitySummaryDto implements FacilityDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'Per weekday local "HH:MM" intervals; null: open 24/7.' })
  openingHours: OpeningHours;
  @ApiProperty() minDurationMinutes: number;
  @ApiProperty() maxDurationMinutes: number;
  @ApiProperty({ type: RateViewDto, isArray: true }) rates: RateView[];
  @ApiProperty({ type: SpaceCountDto, isArray: true }) spaces: { spaceType: SpaceType; count: number | null }[];
  @ApiProperty(FIDELITY) fidelity: DataFidelity;
}

export class AvailabilityTimelineHourDto implements AvailabilityTimelineHour {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ example: '08:00' }) localStart: string;
  @ApiProperty({ description: 'Open for at least part of the hour.' }) open: boolean;
  @ApiProperty({ type: SpaceTypeAvailabilityDto, isArray: true }) perType: SpaceTypeAvailability[];
}

export class TimeWindowDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

export class SpaceTypeQuoteDto implements SpaceTypeQuote {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ type: PriceQuoteDto, nullable: true, description: "Price of the window at the type's rate; null when the rate cannot price it." })
  quote: PriceQuote | null;
}

export class BookingWindowViolationDto implements BookingWindowViolation {
  @ApiProperty({ enum: BOOKING_WINDOW_VIOLATIONS }) code: BookingWindowViolationCode;
  @ApiProperty({ example: 'The facility is not open for the whole of this booking.' }) message: string;
}

export class FacilityAvailabilityDto implements FacilityAvailability {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: TimeWindowDto }) window: { start: string; end: string };
  @ApiProperty({ type: SpaceTypeAvailabilityDto, isArray: true }) perType: SpaceTypeAvailability[];
  @ApiProperty({ type: SpaceTypeQuoteDto, isArray: true, description: 'The price of the window per space type with a rate.' }) quotes: SpaceTypeQuote[];
  @ApiProperty({
    type: AvailabilityTimelineHourDto,
    isArray: true,
    description: 'Hour by hour over the local day the window starts on (23 or 25 hours on DST days).',
  })
  timeline: AvailabilityTimelineHour[];
  @ApiProperty({
    type: BookingWindowViolationDto,
    isArray: true,
    description:
      'Why this car park would refuse a booking of the window whatever is free (closed for part of it, outside its stay limits); empty when it takes it.',
  })
  windowProblems: BookingWindowViolation[];
  @ApiProperty(FIDELITY) fidelity: DataFidelity;
}

export class FacilityAlternativeDto extends MarketplaceResultDto implements FacilityAlternative {
  @ApiProperty({ type: Number, nullable: false, description: 'Metres from the facility the driver wanted.' }) declare distanceMeters: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "This facility's total for the window minus the wanted one's, in cents (negative: cheaper); null without both quotes or across currencies.",
  })
  priceDifferenceCents: number | null;
}

export class FacilityAlternativesDto implements FacilityAlternatives {
  @ApiProperty({ format: 'uuid', description: 'The facility the driver wanted.' }) facilityId: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ type: TimeWindowDto }) window: { start: string; end: string };
  @ApiProperty({ type: PriceQuoteDto, nullable: true, description: "The wanted facility's price of the window; null when it has none." })
  quote: PriceQuote | null;
  @ApiProperty({ type: FacilityAlternativeDto, isArray: true, description: 'Nearest first; each has a space of the type free for the whole window.' })
  alternatives: FacilityAlternative[];
  @ApiProperty(FIDELITY) fidelity: DataFidelity;
}
