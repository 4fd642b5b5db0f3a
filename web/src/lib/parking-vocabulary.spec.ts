import { describe, expect, it } from '@jest/globals';
import { availabilityText, formatDistance } from './parking-vocabulary';

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
