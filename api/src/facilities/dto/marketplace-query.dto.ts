import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { MarketplaceQuery, MarketplaceSort, SpaceType } from '@aiparksit/shared';
import { SearchFields } from './search-fields.js';

export const RADIUS_DEFAULT_METERS = 5000;
export const RADIUS_MAX_METERS = 50_000;
export const MARKETPLACE_SORTS = ['distance', 'price', 'availability'] as const satisfies readonly MarketplaceSort[];

const NUMBER = String.raw`-?\d+(\.\d+)?`;
const BBOX = new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`);

/**
 * `GET /api/proxy/marketplace`. Field by field checks live here; the rules across fields (one
 * way to locate the search, a whole window) are the service's.
 */
export class MarketplaceQueryDto implements MarketplaceQuery {
  @ApiPropertyOptional({ example: 52.52, minimum: -90, maximum: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ example: 13.405, minimum: -180, maximum: 180 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({
    default: RADIUS_DEFAULT_METERS,
    minimum: 1,
    maximum: RADIUS_MAX_METERS,
    description: "Metres around lat/lng, or around the city's centre for a city search.",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(RADIUS_MAX_METERS)
  radius?: number;

  @ApiPropertyOptional({ example: '13.3,52.48,13.45,52.55', description: 'minLng,minLat,maxLng,maxLat (not across the antimeridian).' })
  @IsOptional()
  @IsString()
  @Matches(BBOX, { message: 'bbox must be minLng,minLat,maxLng,maxLat' })
  bbox?: string;

  @SearchFields.city()
  city?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Start of the parking window (with end); not more than 2 minutes ago (400, field code in_the_past). Without a window: no quote, availability now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  start?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the parking window (with start).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  end?: string;

  @SearchFields.spaceType('Space type to price and count; default standard.')
  spaceType?: SpaceType;

  @SearchFields.amenities()
  amenities?: string;

  @ApiPropertyOptional({ minimum: 0, description: "Most the window may cost (the quote's total); without a window, the hourly rate." })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  maxPriceCents?: number;

  @ApiPropertyOptional({
    enum: MARKETPLACE_SORTS,
    description:
      "distance: nearest the point or the city's centre first (default for point and city searches). price: cheapest first — the window's total, or the hourly rate without a window (default for bbox, where distance is refused). availability: most free spaces first. Ties by id.",
  })
  @IsOptional()
  @IsIn(MARKETPLACE_SORTS)
  sort?: MarketplaceSort;

  @SearchFields.cursor()
  cursor?: string;

  @SearchFields.limit()
  limit?: number;
}
