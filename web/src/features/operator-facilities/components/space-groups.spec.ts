import { describe, expect, it } from '@jest/globals';
import type { ManagedSpace } from '@aiparksit/shared';
import { groupSpaces, nextLabels, spacesToDeactivate } from './space-groups';

const space = (label: string, active = true, booked = false): ManagedSpace => ({
  id: label,
  label,
  spaceType: label.startsWith('EV') ? 'ev' : 'standard',
  active,
  nextBooking: booked ? { id: 'b', code: 'C', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z', status: 'confirmed' } : null,
});

describe('groupSpaces', () => {
  it('groups by type in the vocabulary’s order and counts active and inactive', () => {
    const groups = groupSpaces([space('EV-002', false), space('STANDARD-010'), space('STANDARD-002'), space('EV-001')]);
    expect(groups.map((g) => [g.spaceType, g.active, g.inactive, g.spaces.map((s) => s.label)])).toEqual([
      ['standard', 2, 0, ['STANDARD-002', 'STANDARD-010']],
      ['ev', 1, 1, ['EV-001', 'EV-002']],
    ]);
  });
});

describe('spacesToDeactivate', () => {
  it('takes free active spaces, highest label first, and no more than exist', () => {
    const [group] = groupSpaces([space('STANDARD-001'), space('STANDARD-002', true, true), space('STANDARD-003'), space('STANDARD-004', false)]);
    expect(spacesToDeactivate(group!, 1).map((s) => s.label)).toEqual(['STANDARD-003']);
    expect(spacesToDeactivate(group!, 5).map((s) => s.label)).toEqual(['STANDARD-003', 'STANDARD-001']);
  });
});

describe('nextLabels', () => {
  it('continues after the highest number of the type', () => {
    expect(nextLabels('ev', [space('EV-001'), space('EV-007', false), space('STANDARD-040')], 3)).toEqual(['EV-008', 'EV-009', 'EV-010']);
    expect(nextLabels('ev', [], 1)).toEqual(['EV-001']);
  });
});
