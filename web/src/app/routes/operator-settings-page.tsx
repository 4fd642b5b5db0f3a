import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../components/use-page-title';
import { ApiKeysPanel } from '../../features/api-keys';
import { PayoutAccountPanel } from '../../features/onboarding';

/** The operator's settings: the payout account on file (added or changed here once approved) and API keys for their systems. */
export function OperatorSettingsPage() {
  usePageTitle('Settings');
  const { hash } = useLocation();
  // A link such as /operator/settings#payout-account opens at its section (the router does not scroll to fragments).
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <>
      <PageHeader eyebrow="Operator" title="Settings">
        <nav aria-label="Settings sections" className="section-links">
          <a href="#payout-account">Payout account</a> · <a href="#api-keys">API keys</a>
        </nav>
      </PageHeader>
      {/* Where the money goes comes first: it is what an approved operator most often comes here for. */}
      <PayoutAccountPanel />
      <ApiKeysPanel />
    </>
  );
}
