import type { GeoPoint, Suggestion, SuggestionList } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/**
 * The marketplace's suggestions for what was typed (cities by any of their names, car parks, their
 * addresses); with `city`, only that city's car parks and addresses.
 */
export function fetchPlaceSuggestions(q: string, signal?: AbortSignal, city?: string): Promise<SuggestionList> {
  return unwrap(api.GET('/api/proxy/suggestions', { params: { query: { q, limit: 10, ...(city ? { city } : {}) } }, signal }));
}

/** Where a typed address is, from our own data: there is no geocoder to ask. */
export interface FoundPlace {
  point: GeoPoint;
  /** `address`: a car park already listed at this street address in this city; `city`: the city's centre. */
  precision: 'address' | 'city';
  /** What was found, as the person reads it ("Hamburg", "Jungfernstieg 7, Hamburg"). */
  label: string;
}

/** Lower case without accents or surrounding spaces, so "zürich " and "Zurich" compare equal. */
export function placeKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The address among the suggestions that is exactly the typed street in the typed city. */
export function matchingAddress(suggestions: Suggestion[], addressLine: string, city: string): FoundPlace | null {
  const found = suggestions.find(
    (suggestion) => suggestion.kind === 'address' && placeKey(suggestion.label) === placeKey(addressLine) && placeKey(suggestion.city) === placeKey(city),
  );
  return found ? { point: found.location, precision: 'address', label: `${found.label}, ${found.city}` } : null;
}

/** The city among the suggestions known by exactly the typed name (any of its names: "Munich" or "München"). */
export function matchingCity(suggestions: Suggestion[], city: string): FoundPlace | null {
  const key = placeKey(city);
  const found = suggestions.find(
    (suggestion) =>
      suggestion.kind === 'city' && (placeKey(suggestion.label) === key || (suggestion.matchedName !== null && placeKey(suggestion.matchedName) === key)),
  );
  return found ? { point: found.location, precision: 'city', label: found.label } : null;
}

/**
 * The typed street in the typed city where a car park is listed there already, else the city's
 * centre; null when neither is known. Suggestions need two letters or digits, so shorter text is
 * not asked about.
 */
export async function locateAddress(addressLine: string, city: string, signal?: AbortSignal): Promise<FoundPlace | null> {
  const [byAddress, byCity] = await Promise.all([
    placeKey(addressLine).length >= 2 && placeKey(city).length >= 2 ? fetchPlaceSuggestions(addressLine, signal, city) : null,
    placeKey(city).length >= 2 ? fetchPlaceSuggestions(city, signal) : null,
  ]);
  return (byAddress && matchingAddress(byAddress.suggestions, addressLine, city)) ?? (byCity && matchingCity(byCity.suggestions, city)) ?? null;
}
