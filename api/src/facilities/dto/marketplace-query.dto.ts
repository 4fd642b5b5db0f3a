import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  isIn,
  isInt,
  isISO8601,
  isNumber,
  matches,
  max,
  maxLength,
  min,
  minLength,
} from 'class-validator';
import { SPACE_TYPES, type MarketplaceQuery, type MarketplaceSort, type SpaceType } from '@aiparksit/shared';
import { AMENITY_LIST, CITY_MAX_LENGTH, CURSOR_MAX_LENGTH, PAGE_LIMIT_MAX, SearchFields } from './search-fields.js';

export const RADIUS_DEFAULT_METERS = 5000;
export const RADIUS_MAX_METERS = 50_000;
export const MAX_PRICE_CENTS_MAX = 100_000_000;
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
  @Max(MAX_PRICE_CENTS_MAX)
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

  /**
   * The query as the validation pipe would make it, when every field passes the decorators above;
   * undefined for anything else, which the pipe then checks (and words the 400 for) as usual.
   * Searches are the API's hottest route, and class-transformer plus class-validator cost more
   * than the rest of the request's own work; this runs the same checks (class-validator's own
   * functions, in the decorators' order) on the same conversions without walking their metadata.
   */
  static acceptValid(value: unknown): MarketplaceQueryDto | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const query = value as Record<string, unknown>;
    const dto = new MarketplaceQueryDto();
    for (const key of Object.keys(query)) {
      const raw = query[key];
      // Repeated parameters (arrays) and anything else unusual are the pipe's to refuse.
      if (typeof raw !== 'string') return undefined;
      switch (key) {
        case 'lat':
          if ((dto.lat = finiteIn(raw, -90, 90)) === undefined) return undefined;
          break;
        case 'lng':
          if ((dto.lng = finiteIn(raw, -180, 180)) === undefined) return undefined;
          break;
        case 'radius':
          if ((dto.radius = integerIn(raw, 1, RADIUS_MAX_METERS)) === undefined) return undefined;
          break;
        case 'bbox':
          if (!matches(raw, BBOX)) return undefined;
          dto.bbox = raw;
          break;
        case 'city': {
          const city = raw.trim();
          if (!minLength(city, 1) || !maxLength(city, CITY_MAX_LENGTH)) return undefined;
          dto.city = city;
          break;
        }
        case 'start':
        case 'end':
          if (!isISO8601(raw, { strict: true })) return undefined;
          dto[key] = raw;
          break;
        case 'spaceType':
          if (!isIn(raw, SPACE_TYPES)) return undefined;
          dto.spaceType = raw as SpaceType;
          break;
        case 'amenities':
          if (!matches(raw, AMENITY_LIST)) return undefined;
          dto.amenities = raw;
          break;
        case 'maxPriceCents':
          if ((dto.maxPriceCents = integerIn(raw, 0, MAX_PRICE_CENTS_MAX)) === undefined) return undefined;
          break;
        case 'sort':
          if (!isIn(raw, MARKETPLACE_SORTS)) return undefined;
          dto.sort = raw as MarketplaceSort;
          break;
        case 'cursor':
          if (!maxLength(raw, CURSOR_MAX_LENGTH)) return undefined;
          dto.cursor = raw;
          break;
        case 'limit':
          if ((dto.limit = integerIn(raw, 1, PAGE_LIMIT_MAX)) === undefined) return undefined;
          break;
        default:
          return undefined;
      }
    }
    return dto;
  }
}

/** `@Type(() => Number)` then `@IsNumber` (no NaN, no infinities), `@Min`, `@Max`. */
function finiteIn(raw: string, low: number, high: number): number | undefined {
  const value = Number(raw);
  return isNumber(value, { allowNaN: false, allowInfinity: false }) && min(value, low) && max(value, high) ? value : undefined;
}

/** `@Type(() => Number)` then `@IsInt`, `@Min`, `@Max`. */
function integerIn(raw: string, low: number, high: number): number | undefined {
  const value = Number(raw);
  return isInt(value) && min(value, low) && max(value, high) ? value : undefined;
}
