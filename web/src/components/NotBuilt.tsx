/** The placeholder a capability page shows until its feature lands: what it will do, plainly marked unbuilt. */
import { PageHeader } from './PageHeader';

export interface NotBuiltProps {
  /** Page id, for `page-<id>`. */
  id: string;
  title: string;
  summary: string;
  /** What the page will offer once built. */
  plans: string[];
}

export function NotBuilt({ id, title, summary, plans }: NotBuiltProps) {
  return (
    <section className="page" data-testid={`page-${id}`}>
      <PageHeader title={title} subtitle={summary} />
      <div className="card not-built" data-testid="not-built">
        <span className="badge badge-muted">Not built yet</span>
        <h2>This capability is not built yet</h2>
        <p className="muted">When it lands, this page will let you:</p>
        <ul className="plan-list">
          {plans.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
