import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { SuggestionQuery } from '@aiparksit/shared';
import { SUGGESTION_LIMIT_DEFAULT, SUGGESTION_LIMIT_MAX } from '../suggestions.service.js';

/** `GET /api/proxy/suggestions`. */
export class SuggestionQueryDto implements SuggestionQuery {
  @ApiProperty({
    example: 'zur',
    minLength: 2,
    maxLength: 100,
    description:
      'What has been typed so far. Case, accents and punctuation are ignored ("zurich" finds Zürich, "munchen" Munich); at least 2 letters or digits.',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q: string;

  @ApiPropertyOptional({
    example: 'Hamburg',
    maxLength: 100,
    description: 'Only car parks and addresses in this city (by any of its names), and no cities: for finding a street address in a known city.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ default: SUGGESTION_LIMIT_DEFAULT, minimum: 1, maximum: SUGGESTION_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SUGGESTION_LIMIT_MAX)
  limit?: number;
}
