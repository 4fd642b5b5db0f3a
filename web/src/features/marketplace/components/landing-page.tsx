import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/use-page-title';
import { browserTimeZone } from '../../../lib/time-window';
import { facilityLink } from './marketplace-page';
import { SearchForm } from './search-form';
import { criteriaFromParams, criteriaToParams } from './search-params';

/** `/`: the search itself, for anyone. One line on what this is, then where and when. */
export function MarketplaceLandingPage() {
  usePageTitle('Find parking');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A search shared as `/?city=…` (or an old `/driver?city=…` link) opens its results.
  if (params.toString()) return <Navigate to={`/search?${params.toString()}`} replace />;
  const criteria = criteriaFromParams(params);
  return (
    <div className="landing">
      <header className="landing__pitch">
        <h1>Find parking near where you’re going</h1>
        <p>Compare car parks, see the total price for your stay, and book a space in a minute. No account needed until you book.</p>
      </header>
      <SearchForm
        criteria={criteria}
        timeZone={browserTimeZone()}
        onSearch={(next) => void navigate(`/search?${criteriaToParams(next).toString()}`)}
        onOpenFacility={(facilityId, next) => void navigate(facilityLink(facilityId, next))}
        className="landing__form"
        withMap={false}
      />
    </div>
  );
}
