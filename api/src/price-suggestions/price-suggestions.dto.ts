import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import {
  RATE_LIMITS,
  SPACE_TYPES,
  WEEKDAYS,
  type AcceptedPriceSuggestion,
  type AcceptPriceSuggestionRequest,
  type PriceBandVerdict,
  type PriceFloorRequest,
  type PriceFloorView,
  type PriceSuggestionBand,
  type PriceSuggestions,
  type RateChangeList,
  type RateChangeSource,
  type RateChangeView,
  type RateInput,
  type RateMultiplier,
  type SpaceType,
  type SpaceTypePriceSuggestion,
  type Weekday,
} from '@aiparksit/shared';

export class PriceFloorDto implements PriceFloorRequest {
  @ApiProperty({ enum: SPACE_TYPES }) @IsIn(SPACE_TYPES) spaceType: SpaceType;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: RATE_LIMITS.hourlyCentsMax,
    example: 250,
    description: 'Lowest hourly price (minor units) a suggestion may set; null removes the floor (then cuts stop at the current hourly rate).',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(RATE_LIMITS.hourlyCentsMax)
  floorCents: number | null;
}

export class AcceptPriceSuggestionDto implements AcceptPriceSuggestionRequest {
  @ApiProperty({ format: 'uuid', description: 'The `suggestionId` of a type in GET …/price-suggestions.' }) @IsUUID() suggestionId: string;
}

class RateRuleDto implements RateMultiplier {
  @ApiProperty({ enum: WEEKDAYS, isArray: true }) days: Weekday[];
  @ApiProperty({ example: '08:00' }) from: string;
  @ApiProperty({ example: '10:00' }) to: string;
  @ApiProperty({ example: 1.2 }) multiplier: number;
}

class RateCardDto implements RateInput {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() hourlyCents: number;
  @ApiProperty({ type: Number, nullable: true }) dailyMaxCents: number | null;
  @ApiProperty({ type: [RateRuleDto] }) multipliers: RateMultiplier[];
}

class PriceSuggestionBandDto implements PriceSuggestionBand {
  @ApiProperty({ enum: WEEKDAYS }) day: Weekday;
  @ApiProperty({ example: '08:00' }) from: string;
  @ApiProperty({ example: '10:00' }) to: string;
  @ApiProperty({ enum: ['full', 'empty'] }) verdict: PriceBandVerdict;
  @ApiProperty() fullWeeks: number;
  @ApiProperty() weeks: number;
  @ApiProperty() observedOccupied: number;
  @ApiProperty({ type: Number, nullable: true }) expectedOccupied: number | null;
  @ApiProperty() currentMultiplier: number;
  @ApiProperty() suggestedMultiplier: number;
  @ApiProperty() currentHourlyCents: number;
  @ApiProperty() suggestedHourlyCents: number;
  @ApiProperty() occupiedChange: number;
  @ApiProperty() weeklyRevenueChangeCents: number;
  @ApiProperty() reason: string;
}

class BaseRateSuggestionDto {
  @ApiProperty() currentCents: number;
  @ApiProperty() suggestedCents: number;
  @ApiProperty() reason: string;
}

class SpaceTypePriceSuggestionDto implements SpaceTypePriceSuggestion {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty() capacity: number;
  @ApiProperty() currency: string;
  @ApiProperty({ type: RateCardDto }) current: RateInput;
  @ApiProperty({ type: RateCardDto, nullable: true, description: 'The complete rate card to apply; null when nothing should change.' })
  suggested: RateInput | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) suggestionId: string | null;
  @ApiProperty({ type: Number, nullable: true }) floorCents: number | null;
  @ApiProperty({ type: BaseRateSuggestionDto, nullable: true }) baseRate: { currentCents: number; suggestedCents: number; reason: string } | null;
  @ApiProperty({ type: [PriceSuggestionBandDto] }) bands: PriceSuggestionBand[];
  @ApiProperty() weeklyOccupiedHoursChange: number;
  @ApiProperty() weeklyRevenueChangeCents: number;
  @ApiProperty() weeklyRevenueCents: number;
  @ApiProperty() summary: string;
}

export class PriceSuggestionsDto implements PriceSuggestions {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() currency: string;
  @ApiProperty({ example: -0.4 }) elasticity: number;
  @ApiProperty() assumption: string;
  @ApiProperty({ example: 20 }) maxStepPercent: number;
  @ApiProperty({ example: 4 }) historyWeeks: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) forecastFittedAt: string | null;
  @ApiProperty({ type: [SpaceTypePriceSuggestionDto] }) types: SpaceTypePriceSuggestion[];
}

export class AcceptedPriceSuggestionDto implements AcceptedPriceSuggestion {
  @ApiProperty({ format: 'uuid' }) suggestionId: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ type: RateCardDto }) rate: RateInput;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
}

export class PriceFloorViewDto implements PriceFloorView {
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ type: Number, nullable: true }) floorCents: number | null;
}

class RateChangeViewDto implements RateChangeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SPACE_TYPES }) spaceType: SpaceType;
  @ApiProperty({ type: RateCardDto, nullable: true }) before: RateInput | null;
  @ApiProperty({ type: RateCardDto, nullable: true }) after: RateInput | null;
  @ApiProperty({ enum: ['manual', 'suggestion'] }) source: RateChangeSource;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) suggestionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changedBy: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class RateChangeListDto implements RateChangeList {
  @ApiProperty({ type: [RateChangeViewDto] }) results: RateChangeView[];
}
