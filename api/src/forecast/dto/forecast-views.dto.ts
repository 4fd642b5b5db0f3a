import { ApiProperty } from '@nestjs/swagger';
import {
  FORECAST_LEVELS,
  SPACE_TYPES,
  type DataFidelity,
  type FacilityForecast,
  type FacilityForecastBody,
  type FacilityForecastHour,
  type ForecastBadge,
  type ForecastBadges,
  type ForecastLevel,
  type OperatorFacilityForecast,
  type OperatorForecastBody,
  type OperatorForecastDay,
  type OperatorForecastHour,
  type SpaceType,
} from '@aiparksit/shared';

const USUALLY_FULL_BY = {
  type: String,
  nullable: true,
  example: '08:30 on weekdays',
  description:
    'From the typical week: the local time it reaches 90 % of capacity on at least three weekdays (their median), else on both weekend days ("… at weekends"), rounded up to the quarter hour; null when it usually does not.',
};

export class FacilityForecastHourDto implements FacilityForecastHour {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ example: '08:00' }) localStart: string;
  @ApiProperty({ description: 'Open for at least part of the hour (opening hours, no facility-wide blackout); closed hours expect 0.' }) open: boolean;
  @ApiProperty({
    enum: FORECAST_LEVELS,
    nullable: true,
    description:
      'full: fewer than max(1, 10 % of capacity) spaces expected free; high: 70 % or more expected taken; moderate: 40 % or more; low: less. null beyond the model (16 days after its fit).',
  })
  level: ForecastLevel | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Expected occupied spaces (hour average, one decimal); null at coarse fidelity or beyond the model.',
  })
  expectedOccupied: number | null;
}

export class FacilityForecastBodyDto implements FacilityForecastBody {
  @ApiProperty({ format: 'date-time', description: 'When the model was fitted (nightly).' }) fittedAt: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Active spaces of the type when fitted; null at coarse fidelity.' }) capacity: number | null;
  @ApiProperty({ description: 'Some open hour of the window is expected full (see level).' }) likelyToFillUp: boolean;
  @ApiProperty(USUALLY_FULL_BY) usuallyFullBy: string | null;
  @ApiProperty({
    type: FacilityForecastHourDto,
    isArray: true,
    description: 'Hour by hour over the local day the window starts on (23 or 25 hours on DST days).',
  })
  hours: FacilityForecastHour[];
}

class ForecastWindowDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

export class FacilityForecastDto implements FacilityForecast {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty({ enum: SPACE_TYPES, description: 'The space type forecast (standard unless asked).' }) spaceType: SpaceType;
  @ApiProperty({ type: ForecastWindowDto }) window: { start: string; end: string };
  @ApiProperty({
    type: FacilityForecastBodyDto,
    nullable: true,
    description:
      "The space type's own model (fitted on that type's bookings, capacity that type's spaces). null while it has no fitted model (a new facility or type, or nothing booked yet).",
  })
  forecast: FacilityForecastBody | null;
  @ApiProperty({ enum: ['full', 'coarse'], description: 'full: exact expected spaces (signed in or API key); coarse: levels only (anonymous).' })
  fidelity: DataFidelity;
}

export class OperatorForecastHourDto implements OperatorForecastHour {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ example: '08:00' }) localStart: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ description: 'Expected occupied spaces, one decimal (0 when closed).' }) expectedOccupied: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Lower end of the band: expected − 1.28 × errorSpread (about 80 %), at least 0; 0 when closed; null without errorSpread.',
  })
  low: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Upper end: expected + 1.28 × errorSpread, at most capacity; 0 when closed; null without errorSpread.',
  })
  high: number | null;
}

export class OperatorForecastDayDto implements OperatorForecastDay {
  @ApiProperty({ example: '2027-03-29', description: 'Local date.' }) date: string;
  @ApiProperty() openHours: number;
  @ApiProperty({ description: 'Expected booked space-hours of the day.' }) expectedSpaceHours: number;
  @ApiProperty() peakExpectedOccupied: number;
  @ApiProperty({ type: String, nullable: true, example: '09:00', description: 'Local start of the busiest open hour; null when closed all day.' })
  peakLocalStart: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Expected occupied over capacity across open hours, percent, one decimal.' })
  averagePercent: number | null;
  @ApiProperty({ description: 'Some open hour is expected full.' }) likelyToFillUp: boolean;
}

export class OperatorForecastBodyDto implements OperatorForecastBody {
  @ApiProperty({ format: 'date-time' }) fittedAt: string;
  @ApiProperty({ format: 'date-time', description: 'Where the fitted history ends.' }) origin: string;
  @ApiProperty({ description: 'Weeks of history read (up to 26).' }) weeksFitted: number;
  @ApiProperty({ description: 'Active spaces when fitted: of the type, or of all types for the whole facility.' }) capacity: number;
  @ApiProperty({ description: 'Change per week of the average open hour, in occupied spaces (before damping).' }) trendPerWeek: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'RMS error (spaces) of the model forecasting the last week of its history from the weeks before; null with under three weeks.',
  })
  errorSpread: number | null;
  @ApiProperty(USUALLY_FULL_BY) usuallyFullBy: string | null;
  @ApiProperty({ type: OperatorForecastHourDto, isArray: true, description: 'Hour by hour from today’s local midnight, 14 local days.' })
  hours: OperatorForecastHour[];
  @ApiProperty({ type: OperatorForecastDayDto, isArray: true, description: 'The same 14 local days, one entry each.' }) days: OperatorForecastDay[];
}

export class OperatorFacilityForecastDto implements OperatorFacilityForecast {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty({ enum: SPACE_TYPES, nullable: true, description: 'The space type forecast; null for the whole facility (all types).' })
  spaceType: SpaceType | null;
  @ApiProperty({
    type: OperatorForecastBodyDto,
    nullable: true,
    description: 'Of the type asked, or of the whole facility. null while it has no fitted model.',
  })
  forecast: OperatorForecastBody | null;
}

export class ForecastBadgeDto implements ForecastBadge {
  @ApiProperty({ format: 'uuid', description: 'The facility.' }) id: string;
  @ApiProperty({ description: 'Some open hour of the window is expected full.' }) likelyToFillUp: boolean;
  @ApiProperty({ type: String, nullable: true, example: '08:30 on weekdays' }) usuallyFullBy: string | null;
}

export class ForecastBadgesDto implements ForecastBadges {
  @ApiProperty({ type: ForecastBadgeDto, isArray: true, description: 'Listed car parks with a forecast, in the order asked; the others are left out.' })
  results: ForecastBadge[];
}
