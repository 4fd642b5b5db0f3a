import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SPACE_TYPES, type CreateBlackoutRequest, type SpaceType } from '@aiparksit/shared';

export class CreateBlackoutDto implements CreateBlackoutRequest {
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) start: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) end: string;
  @ApiPropertyOptional({ enum: SPACE_TYPES, description: 'Every space of this type; without it and spaceIds, the whole facility.' })
  @IsOptional()
  @IsIn(SPACE_TYPES)
  spaceType?: SpaceType;

  @ApiPropertyOptional({ type: [String], description: 'These spaces only.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  spaceIds?: string[];

  @ApiPropertyOptional({ maxLength: 500, example: 'Resurfacing level 2' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
