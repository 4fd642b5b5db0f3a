import { describe, expect, it } from '@jest/globals';
import { AMENITIES } from '@aiparksit/shared';
import { AMENITY_ICONS, AMENITY_LABELS, availabilityText, formatDistance, spaceTypeInSentence } from './parking-vocabulary';

describe('amenity vocabulary', () => {
  // AMENITIES is the API's enum, its validation and the database's check constraint.
  it('has a label and an icon for every amenity the API can return, and nothing else', () => {
    for (const amenity of AMENITIES) {
      expect({ amenity, label: AMENITY_LABELS[amenity]?.trim() || null }).toEqual({ amenity, label: expect.any(String) });
      expect({ amenity, icon: AMENITY_ICONS[amenity]?.trim() || null }).toEqual({ amenity, icon: expect.any(String) });
    }
    expect(Object.keys(AMENITY_LABELS).sort()).toEqual([...AMENITIES].sort());
    expect(Object.keys(AMENITY_ICONS).sort()).toEqual([...AMENITIES].sort());
  });

  it('draws every icon as SVG path data (moves and lines, nothing else that could carry markup)', () => {
    for (const amenity of AMENITIES)
      expect({ amenity, path: AMENITY_ICONS[amenity] }).toEqual({ amenity, path: expect.stringMatching(/^M[-\d.\s,MmLlHhVvZzAaCcSsQqTt]+$/) });
  });

  it('tells every amenity apart by its label and its icon', () => {
    expect(new Set(Object.values(AMENITY_LABELS)).size).toBe(AMENITIES.length);
    expect(new Set(Object.values(AMENITY_ICONS)).size).toBe(AMENITIES.length);
  });
});

describe('availabilityText', () => {
  it('gives exact counts when the API sends them', () => {
    expect(availabilityText({ level: 'many', available: 12, capacity: 40 })).toBe('12 of 40 free');
    expect(availabilityText({ level: 'none', available: 0, capacity: 40 })).toBe('Full');
  });

  it('falls back to the coarse level for anonymous data', () => {
    expect(availabilityText({ level: 'few', available: null, capacity: null })).toBe('Few spaces left');
    expect(availabilityText({ level: 'many', available: null, capacity: null })).toBe('Many spaces free');
    expect(availabilityText({ level: 'none', available: null, capacity: null })).toBe('Full');
  });
});

describe('formatDistance', () => {
  it('rounds short distances to ten metres and longer ones to kilometres', () => {
    expect(formatDistance(347)).toBe('350 m');
    expect(formatDistance(1234)).toBe('1.2 km');
    expect(formatDistance(23_456)).toBe('23 km');
  });
});

describe('spaceTypeInSentence', () => {
  it('lowers a space type inside a sentence but keeps an initialism', () => {
    expect(spaceTypeInSentence('standard')).toBe('standard');
    expect(spaceTypeInSentence('ev')).toBe('EV charging');
  });
});
