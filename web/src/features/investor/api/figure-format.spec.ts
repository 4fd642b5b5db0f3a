import { describe, expect, it } from '@jest/globals';
import type { MetricFigure } from '@aiparksit/shared';
import { bucketLabel, describeChange, formatPeriod, formatValue } from './figure-format';

const figure = (patch: Partial<MetricFigure>): MetricFigure => ({ value: 110, comparison: 100, change: 10, changePercent: 10, unit: 'count', ...patch });

describe('formatValue', () => {
  it('shows money in the reporting currency to the minor unit, as the reports do', () => {
    expect(formatValue(123_45, 'money', 'EUR')).toBe('€123.45');
    expect(formatValue(1_234_567_89, 'money', 'EUR')).toBe('€1,234,567.89');
    expect(formatValue(1_234_56, 'money', 'CHF')).toBe('CHF 1,234.56');
  });

  it('groups counts, gives hours a unit and percentages one decimal', () => {
    expect(formatValue(12_345, 'count')).toBe('12,345');
    expect(formatValue(2.456, 'count')).toBe('2.46');
    expect(formatValue(12.25, 'hours')).toBe('12.3 h');
    expect(formatValue(4_321.4, 'hours')).toBe('4,321.4 h');
    expect(formatValue(7, 'percent')).toBe('7.0%');
  });

  it('shows a missing value as a dash, never as zero', () => {
    expect(formatValue(null, 'money')).toBe('—');
  });
});

describe('describeChange', () => {
  it('gives counts and money their change in percent of the comparison', () => {
    expect(describeChange(figure({}))).toMatchObject({ direction: 'up', tone: 'good', text: '+10.0%' });
    expect(describeChange(figure({ value: 90, change: -10, changePercent: -10 }))).toMatchObject({ direction: 'down', tone: 'bad', text: '−10.0%' });
  });

  it('gives percentages their change in percentage points', () => {
    expect(describeChange(figure({ unit: 'percent', value: 12.5, comparison: 10, change: 2.5, changePercent: 25 }))).toMatchObject({
      text: '+2.5 pp',
      direction: 'up',
    });
  });

  it('counts a rise in cancellations and refunds as bad news', () => {
    const rate = figure({ unit: 'percent', value: 6, comparison: 5, change: 1, changePercent: 20 });
    expect(describeChange(rate, 'cancellationRate').tone).toBe('bad');
    expect(describeChange({ ...rate, change: -1 }, 'refundRate').tone).toBe('good');
  });

  it('gives a change that rounds to zero no sign, and calls it flat', () => {
    expect(describeChange(figure({ unit: 'percent', value: 5, comparison: 5.04, change: -0.04, changePercent: -0.8 }))).toMatchObject({
      text: '0.0 pp',
      direction: 'flat',
      tone: 'neutral',
    });
  });

  it('calls a figure new when it had no comparison value', () => {
    expect(describeChange(figure({ value: 5, comparison: 0, change: 5, changePercent: null }))).toMatchObject({ text: 'new', direction: 'up' });
  });

  it('says when there is nothing to compare', () => {
    expect(describeChange(figure({ value: null, comparison: null, change: null, changePercent: null }))).toMatchObject({ text: '—', direction: 'none' });
    expect(describeChange(figure({ value: 0, comparison: 0, change: 0, changePercent: null }))).toMatchObject({
      text: '0.0%',
      direction: 'flat',
      tone: 'neutral',
    });
  });
});

describe('labels', () => {
  it('formats a period and series buckets', () => {
    expect(formatPeriod('2026-11-08', '2026-12-07')).toBe('8 Nov 2026 – 7 Dec 2026');
    expect(bucketLabel('2026-11-01', 'month')).toBe('Nov 26');
    expect(bucketLabel('2026-11-02T00:00:00.000Z', 'week')).toBe('2 Nov');
  });
});
