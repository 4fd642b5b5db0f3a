import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { MetricsPeriod, ReportType, UserView } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';
import { PeriodPicker } from './period-picker';
import { ReportActions } from './report-actions';
import { useMetricsSelection } from './use-metrics-selection';
import './investor.css';

const TABS = [
  { to: '/investor', label: 'Overview' },
  { to: '/investor/revenue', label: 'Revenue' },
  { to: '/investor/growth', label: 'Growth' },
  { to: '/investor/market', label: 'Market' },
] as const;

export interface InvestorSectionProps {
  user: UserView;
  title: string;
  lead: ReactNode;
  report: ReportType;
  /** The period the shown answer covers (from the API): the days stated, compared and reported. */
  period?: MetricsPeriod;
  children: ReactNode;
}

/**
 * The frame of every investor page: title, tabs that keep the period, the period picker, the
 * page's figures, and its report actions. The period lives in the address bar.
 */
export function InvestorSection({ user, title, lead, report, period, children }: InvestorSectionProps) {
  usePageTitle(title);
  const { selection, search, setSelection } = useMetricsSelection();
  return (
    <div className="investor">
      <PageHeader eyebrow={user.role === 'admin' ? 'Platform KPIs' : 'Investor'} title={title}>
        {lead}
      </PageHeader>
      <nav className="investor-tabs" aria-label="Investor pages">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={{ pathname: tab.to, search }} end className="investor-tabs__link">
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <section className="panel">
        <PeriodPicker selection={selection} onChange={setSelection} period={period} />
      </section>
      {children}
      <ReportActions type={report} period={period} user={user} />
    </div>
  );
}
