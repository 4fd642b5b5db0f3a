import type { ReactNode } from 'react';

export function AuthCard({ title, lead, children, footer }: { title: string; lead: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="auth">
      <section className="auth__card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        <p className="auth__lead">{lead}</p>
        {children}
        <div className="auth__footer">{footer}</div>
      </section>
      <aside className="auth__aside" aria-label="About AIParksit">
        <h2>Parking, sorted before you set off.</h2>
        <ul>
          <li>Drivers find and book a space near where they are going.</li>
          <li>Operators fill their car parks and see revenue live.</li>
          <li>Investors and admins follow the platform as it runs.</li>
        </ul>
      </aside>
    </div>
  );
}
