import { describe, expect, it } from '@jest/globals';
import type { CityMarket } from '@aiparksit/shared';
import { projectCities } from './city-map';

const city = (key: string, latitude: number, longitude: number, gmvCents: number) => ({ key, city: key, latitude, longitude, gmvCents }) as CityMarket;

describe('projectCities', () => {
  const cities = [city('London', 51.5, -0.13, 400), city('Berlin', 52.52, 13.4, 100), city('Zürich', 47.37, 8.54, 0)];
  const projected = projectCities(cities, 400, 300, 20);

  it('keeps every city inside the drawing, north up and west left', () => {
    for (const { x, y } of projected) {
      expect(x).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(x).toBeLessThanOrEqual(380 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(300);
    }
    const [london, berlin, zurich] = projected;
    expect(london!.x).toBeLessThan(berlin!.x);
    expect(zurich!.y).toBeGreaterThan(berlin!.y);
  });

  it('sizes circles by the square root of GMV, so their area is proportional to it', () => {
    const [london, berlin, zurich] = projected;
    expect((london!.radius - 2.5) / (berlin!.radius - 2.5)).toBeCloseTo(2, 5);
    expect(zurich!.radius).toBe(2.5);
  });

  it('centres a single city instead of dividing by a zero extent', () => {
    expect(projectCities([city('Vienna', 48.2, 16.37, 5)], 400, 300, 20)).toEqual([expect.objectContaining({ x: 200, y: 150 })]);
  });
});
