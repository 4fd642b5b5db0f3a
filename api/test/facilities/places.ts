import { unique } from '../support/db.js';

/**
 * A spot on the map no other test uses: tests share one database, so each search happens
 * around its own random point (kilometres from any other test's facilities) or in its own city.
 */
export function somewhere(): { lat: number; lng: number } {
  return { lat: round(-55 + Math.random() * 110), lng: round(-170 + Math.random() * 340) };
}

/** A point `metersNorth` north of `from` (one degree of latitude is about 111.2 km). */
export function north(from: { lat: number; lng: number }, metersNorth: number): { lat: number; lng: number } {
  return { lat: from.lat + metersNorth / 111_195, lng: from.lng };
}

export function uniqueCity(): string {
  return unique('Testburg');
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
