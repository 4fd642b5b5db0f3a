import { AMENITIES } from '@aiparksit/shared';
import { seedCalendar } from './demand.js';
import { divideSpaces, generateFacilities, generateOperators, spacesOf, SPACE_TYPES } from './marketplace.js';
import { generatePeople } from './people.js';
import { SeededRandom } from './prng.js';
import { SCALES } from './scales.js';

const ANCHOR = Date.parse('2026-03-01T00:00:00Z');

function world(seed: number) {
  const calendar = seedCalendar(ANCHOR, SCALES.small);
  const people = generatePeople(seed, SCALES.small, calendar);
  const operators = generateOperators(seed, SCALES.small, people.demoOperatorOwner, calendar);
  return { people, operators, facilities: generateFacilities(seed, SCALES.small, operators, calendar) };
}

describe('divideSpaces', () => {
  it('adds up, always has an accessible bay, and no oversize bays under a roof', () => {
    for (let i = 0; i < 200; i += 1) {
      const random = new SeededRandom(`divide:${i}`);
      const total = random.int(20, 90);
      const covered = random.chance(0.5);
      const counts = divideSpaces(total, covered, random);
      expect(SPACE_TYPES.reduce((sum, t) => sum + counts[t], 0)).toBe(total);
      expect(counts.accessible).toBeGreaterThanOrEqual(1);
      if (covered) expect(counts.oversize).toBe(0);
    }
  });
});

describe('generateFacilities', () => {
  const { facilities, operators } = world(11);

  it('is the same for the same seed, ids included', () => {
    expect(world(11).facilities.map((f) => [f.id, f.slug, f.latitude])).toEqual(facilities.map((f) => [f.id, f.slug, f.latitude]));
    expect(world(12).facilities.map((f) => f.id)).not.toEqual(facilities.map((f) => f.id));
  });

  it('gives unique slugs, a rate per space type present, and coordinates near the city', () => {
    expect(new Set(facilities.map((f) => f.slug)).size).toBe(facilities.length);
    for (const f of facilities) {
      for (const type of SPACE_TYPES) expect(f.rates[type] !== undefined).toBe(f.spaceCounts[type] > 0);
      const centre = f.city.districts[0]!;
      expect(Math.abs(f.latitude - centre.latitude)).toBeLessThan(0.1);
      expect(Math.abs(f.longitude - centre.longitude)).toBeLessThan(0.2);
      if (f.heightLimitCm !== null) expect(f.spaceCounts.oversize).toBe(0);
    }
  });

  it('gives the demo operator published facilities and only approved operators any', () => {
    expect(facilities.filter((f) => f.operator === operators[0] && f.published).length).toBe(SCALES.small.demoOperatorFacilities);
    for (const f of facilities) expect(f.operator.status).toBe('approved');
    expect(operators.filter((o) => o.status === 'submitted')).toHaveLength(SCALES.small.submittedOperators);
  });

  it('makes labels unique within a facility and regenerates spaces identically', () => {
    const facility = facilities[0]!;
    const spaces = spacesOf(11, facility);
    expect(new Set(spaces.map((s) => s.label)).size).toBe(spaces.length);
    expect(spacesOf(11, facility)).toEqual(spaces);
  });

  it('speaks the one amenity vocabulary, and uses every word of it', () => {
    const used = new Set(facilities.flatMap((f) => f.amenities));
    expect([...used].filter((a) => !(AMENITIES as readonly string[]).includes(a))).toEqual([]);
    expect(AMENITIES.filter((a) => !used.has(a))).toEqual([]);
    for (const f of facilities) expect(new Set(f.amenities).size).toBe(f.amenities.length);
  });

  it('offers valet only at staffed, covered car parks in business districts and by venues', () => {
    const valet = facilities.filter((f) => f.amenities.includes('valet'));
    expect(valet.length).toBeGreaterThan(0);
    for (const f of valet) {
      expect(f.amenities).toEqual(expect.arrayContaining(['covered', 'staffed']));
      expect(['business', 'venue']).toContain(f.district.character);
    }
  });
});
