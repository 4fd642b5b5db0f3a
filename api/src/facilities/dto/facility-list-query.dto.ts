import type { FacilityListQuery, SpaceType } from '@aiparksit/shared';
import { SearchFields } from './search-fields.js';

/** `GET /api/proxy/facilities`: the public catalogue, by name. */
export class FacilityListQueryDto implements FacilityListQuery {
  @SearchFields.city()
  city?: string;

  @SearchFields.amenities()
  amenities?: string;

  @SearchFields.spaceType('Only facilities with an active space of this type.')
  spaceType?: SpaceType;

  @SearchFields.cursor()
  cursor?: string;

  @SearchFields.limit()
  limit?: number;
}
