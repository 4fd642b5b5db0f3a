import { AMENITIES, SPACE_TYPES, type Amenity, type MarketplaceSort, type SpaceType } from '@aiparksit/shared';
import type { MarketplaceSearch } from '../api/search-marketplace';

/**
 * The search lives in the address bar (shareable, survives reload, back button works). Instants
 * are kept in UTC there; the form shows them as the browser's local time.
 */
export interface SearchCriteria {
  city: string;
  /** A point searched around ("near me" or a spot picked on the map). */
  point: { lat: number; lng: number } | null;
  radius: number;
  start: string | null;
  end: string | null;
  spaceType: SpaceType;
  amenities: Amenity[];
  maxPriceCents: number | null;
  sort: MarketplaceSort;
}

export const DEFAULT_RADIUS_METERS = 5000;
const SORTS: MarketplaceSort[] = ['distance', 'price', 'availability'];

function finiteNumber(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function criteriaFromParams(params: URLSearchParams): SearchCriteria {
  const lat = finiteNumber(params.get('lat'));
  const lng = finiteNumber(params.get('lng'));
  const type = params.get('type');
  const sort = params.get('sort');
  return {
    city: params.get('city') ?? '',
    point: lat !== null && lng !== null ? { lat, lng } : null,
    radius: finiteNumber(params.get('radius')) ?? DEFAULT_RADIUS_METERS,
    start: params.get('start'),
    end: params.get('end'),
    spaceType: SPACE_TYPES.includes(type as SpaceType) ? (type as SpaceType) : 'standard',
    amenities: (params.get('amenities') ?? '').split(',').filter((a): a is Amenity => AMENITIES.includes(a as Amenity)),
    maxPriceCents: finiteNumber(params.get('maxPrice')),
    sort: SORTS.includes(sort as MarketplaceSort) ? (sort as MarketplaceSort) : 'distance',
  };
}

export function criteriaToParams(criteria: SearchCriteria): URLSearchParams {
  const params = new URLSearchParams();
  if (criteria.point) {
    params.set('lat', criteria.point.lat.toFixed(5));
    params.set('lng', criteria.point.lng.toFixed(5));
  } else if (criteria.city.trim()) {
    params.set('city', criteria.city.trim());
  }
  if (criteria.radius !== DEFAULT_RADIUS_METERS) params.set('radius', String(criteria.radius));
  if (criteria.start && criteria.end) {
    params.set('start', criteria.start);
    params.set('end', criteria.end);
  }
  if (criteria.spaceType !== 'standard') params.set('type', criteria.spaceType);
  if (criteria.amenities.length) params.set('amenities', criteria.amenities.join(','));
  if (criteria.maxPriceCents !== null) params.set('maxPrice', String(criteria.maxPriceCents));
  if (criteria.sort !== 'distance') params.set('sort', criteria.sort);
  return params;
}

/**
 * The API query for the criteria; null until the person has said where (a point or a city).
 * What the form shows is what is sent: the radius and the order apply to a city search too,
 * measured from the city's centre.
 */
export function criteriaToSearch(criteria: SearchCriteria): MarketplaceSearch | null {
  const where = criteria.point ? { lat: criteria.point.lat, lng: criteria.point.lng } : criteria.city.trim() ? { city: criteria.city.trim() } : null;
  if (!where) return null;
  return {
    ...where,
    radius: criteria.radius,
    ...(criteria.start && criteria.end ? { start: criteria.start, end: criteria.end } : {}),
    spaceType: criteria.spaceType,
    ...(criteria.amenities.length ? { amenities: criteria.amenities.join(',') } : {}),
    ...(criteria.maxPriceCents !== null ? { maxPriceCents: criteria.maxPriceCents } : {}),
    sort: criteria.sort,
  };
}
