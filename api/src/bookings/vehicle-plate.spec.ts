import { normalizeVehiclePlate } from './vehicle-plate.js';

describe('normalizeVehiclePlate', () => {
  it('upper-cases and tidies the spaces of a plate', () => {
    expect(normalizeVehiclePlate('  b-ab   123 ')).toBe('B-AB 123');
    expect(normalizeVehiclePlate('m-öx 42')).toBe('M-ÖX 42');
  });

  it.each(['A', '', '   ', 'ABCDEFGHIJK', 'AB_123', '-AB12', 'AB12-', 'AB;DROP'])('refuses %p', (plate) => {
    expect(normalizeVehiclePlate(plate)).toBeUndefined();
  });

  it('accepts 2 to 10 characters', () => {
    expect(normalizeVehiclePlate('ab')).toBe('AB');
    expect(normalizeVehiclePlate('AB 12345 C')).toBe('AB 12345 C');
  });
});
