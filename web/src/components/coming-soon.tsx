export interface PlannedFeature {
  title: string;
  description: string;
}

/** What a section will offer, stated plainly, until its screens arrive. */
export function ComingSoon({ heading, features }: { heading: string; features: readonly PlannedFeature[] }) {
  return (
    <section className="coming-soon" aria-labelledby="coming-soon-heading">
      <h2 id="coming-soon-heading">{heading}</h2>
      <ul className="card-grid">
        {features.map((feature) => (
          <li key={feature.title} className="card">
            <span className="badge badge--soon">Coming soon</span>
            <h3>{feature.title}</h3>
            <p>{feature.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
