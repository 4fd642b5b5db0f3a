import { describeReportPeriod, investorReportEmail } from './investor-report.template.js';

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

describe('investorReportEmail', () => {
  const report = { type: 'market' as const, from: '2026-11-01', to: '2026-11-30', comparison: 'same_period_last_year' as const };

  it('says what report, which period and which comparison, and attaches the PDF', () => {
    const email = investorReportEmail({ recipientName: 'Ivy <Investor>', report, pdf, monthly: false, portalUrl: 'https://parking.example/investor' });
    expect(email.subject).toBe('Market analysis report: November 2026');
    expect(email.text).toContain('market analysis report for November 2026 (2026-11-01 to 2026-11-30), compared with the same period last year.');
    expect(email.text).toContain('aiparksit-market-2026-11.pdf');
    expect(email.html).toContain('Hello Ivy &lt;Investor&gt;,');
    expect(email.attachments).toEqual([pdf]);
    expect(email.inlineImages).toEqual([]);
  });

  it('tells a subscriber the email is monthly and where to stop it', () => {
    const email = investorReportEmail({ recipientName: 'Ivy', report, pdf, monthly: true, portalUrl: 'https://parking.example/investor' });
    expect(email.subject).toBe('Your monthly market analysis report: November 2026');
    expect(email.text).toContain('on the 1st of every month because you subscribed');
    expect(email.text).toContain('https://parking.example/investor');
  });
});
