import { Link } from 'react-router';

/** The logo and name in every top bar, linking to the person's home (the search for visitors). */
export function Brand({ to }: { to: string }) {
  return (
    <Link to={to} className="brand" aria-label="AIParksit home">
      <span className="brand__mark" aria-hidden="true">
        P
      </span>
      <span className="brand__name">AIParksit</span>
    </Link>
  );
}
