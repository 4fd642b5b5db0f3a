import { describeReportPeriod, investorReportEmail, summaryLine } from './investor-report.template.js';

const pdf = { filename: 'aiparksit-market-2026-11.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7') };

describe('describeReportPeriod', () => {
  it('names a whole calendar month by its month', () => {
    expect(describeReportPeriod('2026-11-01', '2026-11-30')).toBe('November 2026');
    expect(describeReportPeriod('2028-02-01', '2028-02-29')).toBe('February 2028');
  });

  it('gives both dates of any other period', () => {
    expect(describeReportPeriod('2026-03-01', '2026-05-31')).toBe('1 March 2026 – 31 May 2026');
    expect(describeReportPeriod('2026-02-01', '2026-02-27')).toBe('1 February 2026 – 27 February 2026');
  });

  it('gives one date for a one-day period', () => {
    expect(describeReportPeriod('2026-12-24', '2026-12-24')).toBe('24 December 2026');
  });
});

describe('summaryLine', () => {
  it('shows money in its currency with the change in percent', () => {
    expect(summaryLine('gmv', { value: 1234567, comparison: 1100000, change: 134567, changePercent: 12.2, unit: 'money', currency: 'EUR' })).toEqual({
      label: 'Gross booking value',
      value: '€12,345.67',
      change: '+12.2 %',
    });
  });

  it('shows counts with a falling change signed with a minus', () => {
    expect(summaryLine('paidBookings', { value: 1500, comparison: 1600, change: -100, changePercent: -6.25, unit: 'count' })).toEqual({
      label: 'Paid bookings',
      value: '1,500',
      change: '\u22126.3 %',
    });
  });

  it('shows a percentage with its change in points, and no change when there is nothing to compare with', () => {
    expect(summaryLine('occupancy', { value: 41.25, comparison: 40, change: 1.25, changePercent: 3.1, unit: 'percent' }).change).toBe('+1.3 points');
    expect(summaryLine('occupancy', { value: 41.25, comparison: null, change: null, changePercent: null, unit: 'percent' })).toEqual({
      label: 'Platform occupancy',
      value: '41.3 %',
      change: null,
    });
    expect(summaryLine('gmv', { value: null, comparison: null, change: null, changePercent: null, unit: 'money', currency: 'EUR' }).value).toBe('n/a');
  });
});

describe('investorReportEmail', () => {
  const summary = [
    { label: 'Gross booking value', value: '€12,345.67', change: '+12.2 %' },
    { label: 'Active drivers', value: '310', change: null },
  ];
  const report = { type: 'market' as const, from: '2026-11-01', to: '2026-11-30', comparison: 'same_period_last_year' as const };

  it('says what report, which period and which comparison, and attaches the PDF', () => {
    const email = investorReportEmail({ recipientName: 'Ivy <Investor>', report, pdf, monthly: false, portalUrl: 'https://parking.example/investor', summary });
    expect(email.subject).toBe('Market analysis report: November 2026');
    expect(email.text).toContain('market analysis report for November 2026 (2026-11-01 to 2026-11-30), compared with the same period last year.');
    expect(email.text).toContain('aiparksit-market-2026-11.pdf');
    expect(email.text).toContain(
      'Headline figures (changes against the same period last year):\n- Gross booking value: €12,345.67 (+12.2 %)\n- Active drivers: 310\n',
    );
    expect(email.html).toContain('<li>Gross booking value: <strong>€12,345.67</strong> (+12.2 %)</li>');
    expect(email.html).toContain('Hello Ivy &lt;Investor&gt;,');
    expect(email.attachments).toEqual([pdf]);
    expect(email.inlineImages).toEqual([]);
  });

  it('tells a subscriber the email is monthly and where to stop it', () => {
    const email = investorReportEmail({ recipientName: 'Ivy', report, pdf, monthly: true, portalUrl: 'https://parking.example/investor', summary: [] });
    expect(email.subject).toBe('Your monthly market analysis report: November 2026');
    expect(email.text).toContain('on the 1st of every month because you subscribed');
    expect(email.text).toContain('https://parking.example/investor');
  });
});
