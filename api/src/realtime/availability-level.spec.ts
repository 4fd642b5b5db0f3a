import { availabilityLevel } from './availability-level.js';

describe('availabilityLevel', () => {
  it('is none when nothing is free', () => expect(availabilityLevel(0, 50)).toBe('none'));
  it('is few at two spaces or a tenth of capacity', () => {
    expect(availabilityLevel(2, 3)).toBe('few');
    expect(availabilityLevel(5, 50)).toBe('few');
  });
  it('is many above that', () => {
    expect(availabilityLevel(3, 3)).toBe('many');
    expect(availabilityLevel(6, 50)).toBe('many');
  });
});
