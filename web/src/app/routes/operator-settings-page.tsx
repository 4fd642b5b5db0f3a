import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../components/use-page-title';
import { ApiKeysPanel } from '../../features/api-keys';
import { PayoutAccountPanel } from '../../features/onboarding';

/** The operator's settings: API keys for their systems and the payout account on file. */
export function OperatorSettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <PageHeader eyebrow="Operator" title="Settings" />
      <ApiKeysPanel />
      <PayoutAccountPanel />
    </>
  );
}
