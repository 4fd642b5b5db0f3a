import type { CityMarket } from '@aiparksit/shared';
import { formatValue } from '../api/figure-format';

// Small user units: the drawing is scaled to its box, so labels stay legible on a phone.
const WIDTH = 420;
const HEIGHT = 280;
const PADDING = 30;

export interface ProjectedCity {
  city: CityMarket;
  x: number;
  y: number;
  radius: number;
}

/**
 * Cities on an equirectangular projection fitted to their own extent (longitudes shrunk by the
 * cosine of the middle latitude, so Europe is not stretched sideways), sized by GMV with the
 * circle's area proportional to it. No map tiles: this works offline and prints the same.
 */
export function projectCities(cities: readonly CityMarket[], width = WIDTH, height = HEIGHT, padding = PADDING): ProjectedCity[] {
  if (cities.length === 0) return [];
  const lats = cities.map((c) => c.latitude);
  const lngs = cities.map((c) => c.longitude);
  const midLat = ((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180);
  const xs = lngs.map((lng) => lng * Math.cos(midLat));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  // One scale for both axes (no distortion), at least a degree of extent so one city is not a zoom to infinity.
  const scale = Math.min((width - 2 * padding) / Math.max(maxX - minX, 1), (height - 2 * padding) / Math.max(maxY - minY, 1));
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  const maxGmv = Math.max(1, ...cities.map((c) => c.gmvCents));
  return cities.map((city, index) => ({
    city,
    x: offsetX + ((xs[index] ?? 0) - minX) * scale,
    y: offsetY + (maxY - city.latitude) * scale,
    radius: 2.5 + 16 * Math.sqrt(Math.max(0, city.gmvCents) / maxGmv),
  }));
}

export function CityMap({ cities, currency }: { cities: readonly CityMarket[]; currency: string }) {
  const projected = projectCities(cities).sort((a, b) => b.radius - a.radius);
  const labelled = new Set(projected.slice(0, 12).map((p) => p.city.key));
  return (
    <figure className="city-map" data-testid="city-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Map of ${cities.length} cities, circles sized by gross booking value`}>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="city-map__sea" />
        {Array.from({ length: 9 }, (_, i) => (
          <line key={`h${i}`} x1="0" x2={WIDTH} y1={(HEIGHT / 8) * i} y2={(HEIGHT / 8) * i} className="city-map__grid" />
        ))}
        {Array.from({ length: 13 }, (_, i) => (
          <line key={`v${i}`} y1="0" y2={HEIGHT} x1={(WIDTH / 12) * i} x2={(WIDTH / 12) * i} className="city-map__grid" />
        ))}
        {projected.map(({ city, x, y, radius }) => (
          <g key={city.key} data-testid="city-map-circle">
            <circle cx={x} cy={y} r={radius} className="city-map__city">
              <title>{`${city.city} (${city.countryCode}): ${formatValue(city.gmvCents, 'money', currency)} gross booking value`}</title>
            </circle>
            {labelled.has(city.key) && (
              <text x={x} y={y - radius - 4} textAnchor="middle" className="city-map__label">
                {city.city}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="field__hint">
        Circle area is proportional to gross booking value in the period; positions are to scale, without a basemap.
      </figcaption>
    </figure>
  );
}
