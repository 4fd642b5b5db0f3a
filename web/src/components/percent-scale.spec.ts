import { describe, expect, it } from '@jest/globals';
import { formatPercent, niceCeil, percentScale } from './percent-scale';

describe('niceCeil', () => {
  it('rounds up to a round top, at most 100 %', () => {
    expect(niceCeil(0.37)).toBe(0.5);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.2)).toBe(2);
    expect(niceCeil(2.1)).toBe(2.5);
    expect(niceCeil(13)).toBe(20);
    expect(niceCeil(21)).toBe(25);
    expect(niceCeil(61)).toBe(100);
    expect(niceCeil(100)).toBe(100);
    expect(niceCeil(0)).toBe(1);
  });
});

describe('percentScale', () => {
  it('scales 1 % occupancy to a 0–1 % axis, not 0–100 %', () => {
    expect(percentScale([0.2, 0.8, 1, null, 0.5])).toEqual({ max: 1, capped: false });
  });

  it('caps the scale at the 95th percentile when one value would flatten the rest', () => {
    const values = [...Array.from({ length: 40 }, (_, i) => 2 + (i % 5)), 85];
    expect(percentScale(values)).toEqual({ max: 10, capped: true });
  });

  it('keeps the largest value when it is not far from the others', () => {
    const values = Array.from({ length: 40 }, (_, i) => 20 + i);
    expect(percentScale(values)).toEqual({ max: 100, capped: false });
    expect(percentScale([...Array.from({ length: 30 }, () => 10), 14])).toEqual({ max: 20, capped: false });
  });

  it('does not call a value an outlier among a handful of points', () => {
    expect(percentScale([1, 1, 90])).toEqual({ max: 100, capped: false });
  });

  it('has a scale for no data at all', () => {
    expect(percentScale([null, null])).toEqual({ max: 1, capped: false });
  });
});

describe('formatPercent', () => {
  it('keeps a decimal for small shares only', () => {
    expect(formatPercent(0.44)).toBe('0.4 %');
    expect(formatPercent(7)).toBe('7 %');
    expect(formatPercent(42.6)).toBe('43 %');
    expect(formatPercent(0)).toBe('0 %');
  });
});
