import { formatChangePercent, formatFigureChange, formatFigureValue, formatMoney } from './report-format.js';

describe('report number formats', () => {
  it('writes money from minor units with the currency’s own decimals', () => {
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(1200, 'JPY')).toBe('JP¥1,200');
    expect(formatMoney(-500, 'GBP')).toBe('-£5.00');
    expect(formatMoney(null, 'EUR')).toBe('—');
  });

  it('signs changes as shown, in percentage points for percentages', () => {
    expect(formatFigureChange({ change: 23456, unit: 'money', currency: 'CHF' })).toBe('+CHF 234.56');
    expect(formatFigureChange({ change: -1.25, unit: 'percent' })).toBe('−1.3 pp');
    expect(formatFigureChange({ change: -0.04, unit: 'percent' })).toBe('0.0 pp');
    expect(formatFigureChange({ change: 0, unit: 'count' })).toBe('0');
    expect(formatFigureChange({ change: null, unit: 'count' })).toBe('—');
    expect(formatChangePercent(-12.5)).toBe('−12.5%');
    expect(formatChangePercent(null)).toBe('—');
  });

  it('writes hours with one decimal and counts whole', () => {
    expect(formatFigureValue(1234.56, 'hours')).toBe('1,234.6 h');
    expect(formatFigureValue(1234567, 'count')).toBe('1,234,567');
  });
});
