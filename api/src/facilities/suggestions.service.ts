import { Injectable } from '@nestjs/common';
import type { AddressSuggestion, CitySuggestion, FacilitySuggestion, Suggestion, SuggestionList } from '@aiparksit/shared';
import { fieldError } from '../common/errors/index.js';
import { FacilitiesException } from './facilities.exception.js';
import { PlacesRepository, type CityMatchRow, type FacilityMatchRow } from './places.repository.js';
import { searchKey } from './search-key.js';

export const SUGGESTION_LIMIT_DEFAULT = 8;
export const SUGGESTION_LIMIT_MAX = 10;
/** Fewer typed letters match too much to help anyone (and would read the catalogue wholesale). */
export const SUGGESTION_KEY_MIN_LENGTH = 2;

/** Below this, too many names look alike for a guess to help. */
const FUZZY_KEY_MIN_LENGTH = 4;

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * Suggestions as a person types: cities (by any of their names), car parks by name, car parks by
 * street address. Cities come first (what most people type), then car parks, then addresses;
 * within a kind, whole-name and starting matches before matches inside a name. When nothing
 * contains the text, cities whose name resembles it are offered (a misspelt city). Each kind is one
 * indexed statement (the three run at once on the pool).
 */
@Injectable()
export class SuggestionsService {
  constructor(private readonly places: PlacesRepository) {}

  /**
   * With `city`, only that city's car parks and addresses (under any of the city's names), and no
   * cities: how an address is looked up where many cities have a "Hauptstraße 1".
   */
  async suggest(q: string, limit = SUGGESTION_LIMIT_DEFAULT, city?: string): Promise<SuggestionList> {
    const typed = q.trim();
    const key = searchKey(typed);
    if (key.length < SUGGESTION_KEY_MIN_LENGTH) {
      const message = `Type at least ${SUGGESTION_KEY_MIN_LENGTH} letters or digits.`;
      throw new FacilitiesException('invalid_search', message, { fields: [fieldError('q', 'too_short', { min: SUGGESTION_KEY_MIN_LENGTH }, message)] });
    }
    const cityKeys = city === undefined ? undefined : await this.cityKeysOf(city);
    const [cities, byName, byAddress] = await Promise.all([
      cityKeys ? [] : this.places.cities({ key, limit }),
      this.places.facilitiesByName({ key, limit, cityKeys }),
      this.places.facilitiesByAddress({ key, limit, cityKeys }),
    ]);
    // Nothing contains what was typed: perhaps a city misspelt ("zurik"). Car park names are not
    // guessed at: a near miss among thousands of names would mislead more than help.
    const cityMatches =
      !cityKeys && cities.length + byName.length + byAddress.length === 0 && key.length >= FUZZY_KEY_MIN_LENGTH
        ? await this.places.citiesResembling({ key, limit })
        : cities;
    const suggestions: Suggestion[] = [...cityMatches.map(citySuggestion), ...byName.map(facilitySuggestion), ...byAddress.map(addressSuggestion)];
    return { q: typed, suggestions: suggestions.slice(0, limit) };
  }

  /** Every name of the city as keys ("munich" gives munchen, munich, muenchen, ...); a city we do not know, its own key. */
  private async cityKeysOf(city: string): Promise<string[]> {
    const key = searchKey(city);
    return (await this.places.resolve(key))?.cityKeys ?? [key];
  }
}

function citySuggestion(row: CityMatchRow): CitySuggestion {
  const country = countryNames.of(row.countryCode) ?? row.countryCode;
  const matchedName = searchKey(row.matchedName) === searchKey(row.name) ? null : row.matchedName;
  return {
    kind: 'city',
    id: `city:${row.placeId}`,
    label: row.name,
    secondary: matchedName ? `${matchedName} · ${country}` : country,
    location: { lat: row.latitude, lng: row.longitude },
    placeId: row.placeId,
    city: row.name,
    countryCode: row.countryCode,
    matchedName,
  };
}

function facilitySuggestion(row: FacilityMatchRow): FacilitySuggestion {
  return {
    kind: 'facility',
    id: `facility:${row.id}`,
    label: row.name,
    secondary: `${row.addressLine}, ${row.city}`,
    location: { lat: row.latitude, lng: row.longitude },
    facilityId: row.id,
    slug: row.slug,
    city: row.city,
  };
}

function addressSuggestion(row: FacilityMatchRow): AddressSuggestion {
  return {
    kind: 'address',
    id: `address:${row.id}`,
    label: row.addressLine,
    secondary: `${row.name}, ${row.city}`,
    location: { lat: row.latitude, lng: row.longitude },
    facilityId: row.id,
    city: row.city,
  };
}
