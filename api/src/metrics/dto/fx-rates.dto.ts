import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsPositive, Matches, Max, ValidateNested } from 'class-validator';
import type { FxRateInput, PutFxRatesRequest } from '@aiparksit/shared';

export class FxRateInputDto implements FxRateInput {
  @ApiProperty({ example: '2026-11-01', description: 'The day the rate applies from (until the next one).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date (YYYY-MM-DD)' })
  date: string;

  @ApiProperty({ example: 'CHF', description: 'ISO 4217 code, not EUR (one euro is one euro).' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CHF' })
  currency: string;

  @ApiProperty({ example: 0.9372, description: 'Units of the currency for one euro (ECB convention), at most 6 decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @IsPositive()
  @Max(1_000_000_000)
  unitsPerEur: number;
}

export class PutFxRatesDto implements PutFxRatesRequest {
  @ApiProperty({ type: [FxRateInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => FxRateInputDto)
  rates: FxRateInputDto[];
}
