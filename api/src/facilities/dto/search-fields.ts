import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AMENITIES, SPACE_TYPES } from '@aiparksit/shared';

export const PAGE_LIMIT_MAX = 50;
export const PAGE_LIMIT_DEFAULT = 20;

export const AMENITY_LIST = new RegExp(`^(${AMENITIES.join('|')})(,(${AMENITIES.join('|')}))*$`);

export const CITY_MAX_LENGTH = 120;
export const CURSOR_MAX_LENGTH = 2048;

/** Surrounding spaces in a query value are accidents. */
const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The filters and paging every catalogue search shares (marketplace and facility list). */
export const SearchFields = {
  city: () =>
    applyDecorators(
      ApiPropertyOptional({
        example: 'Zürich',
        description: 'A city by any of its names ("Zurich", "zürich", "München", "Munich"), case, accents and punctuation ignored.',
      }),
      IsOptional(),
      Trim(),
      IsString(),
      MinLength(1),
      MaxLength(CITY_MAX_LENGTH),
    ),
  amenities: () =>
    applyDecorators(
      ApiPropertyOptional({ example: 'covered,ev_charging', description: `Comma list of ${AMENITIES.join(', ')}; a facility must have all of them.` }),
      IsOptional(),
      IsString(),
      Matches(AMENITY_LIST, { message: `amenities must be a comma list of ${AMENITIES.join(', ')}` }),
    ),
  spaceType: (description: string) => applyDecorators(ApiPropertyOptional({ enum: SPACE_TYPES, description }), IsOptional(), IsIn(SPACE_TYPES)),
  cursor: () =>
    applyDecorators(
      ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, unchanged.' }),
      IsOptional(),
      IsString(),
      MaxLength(CURSOR_MAX_LENGTH),
    ),
  limit: () =>
    applyDecorators(
      ApiPropertyOptional({ default: PAGE_LIMIT_DEFAULT, minimum: 1, maximum: PAGE_LIMIT_MAX }),
      IsOptional(),
      Type(() => Number),
      IsInt(),
      Min(1),
      Max(PAGE_LIMIT_MAX),
    ),
};
