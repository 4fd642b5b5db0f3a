import { Navigate, useLocation, useParams, type Params } from 'react-router';

/** A page that moved: old links (bookmarks, emails) land on its new address, query and fragment kept. */
export function MovedTo({ to }: { to: (params: Params, search: URLSearchParams) => string }) {
  const params = useParams();
  const { search, hash } = useLocation();
  return <Navigate to={`${to(params, new URLSearchParams(search))}${search}${hash}`} replace />;
}
