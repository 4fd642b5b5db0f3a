import { describe, expect, it } from '@jest/globals';
import { sortRows } from './sortable-table';

const rows = [
  { city: 'Berlin', gmv: 300, growth: 12.5 },
  { city: 'Zürich', gmv: 100, growth: null },
  { city: 'Amsterdam', gmv: 300, growth: -4 },
  { city: 'Lyon', gmv: 200, growth: 40 },
];

describe('sortRows', () => {
  it('sorts numbers either way, keeping ties in their given order', () => {
    expect(sortRows(rows, { sortValue: (r) => r.gmv }, 'descending').map((r) => r.city)).toEqual(['Berlin', 'Amsterdam', 'Lyon', 'Zürich']);
    expect(sortRows(rows, { sortValue: (r) => r.gmv }, 'ascending').map((r) => r.city)).toEqual(['Zürich', 'Lyon', 'Berlin', 'Amsterdam']);
  });

  it('sorts text alphabetically, accents included', () => {
    expect(sortRows(rows, { sortValue: (r) => r.city }, 'ascending').map((r) => r.city)).toEqual(['Amsterdam', 'Berlin', 'Lyon', 'Zürich']);
  });

  it('puts missing values last in both directions', () => {
    expect(sortRows(rows, { sortValue: (r) => r.growth }, 'descending').map((r) => r.city)).toEqual(['Lyon', 'Berlin', 'Amsterdam', 'Zürich']);
    expect(sortRows(rows, { sortValue: (r) => r.growth }, 'ascending').map((r) => r.city)).toEqual(['Amsterdam', 'Berlin', 'Lyon', 'Zürich']);
  });
});
