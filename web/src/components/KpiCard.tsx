export interface KpiCardProps {
  /** Suffix of `kpi-<id>`. */
  id: string;
  label: string;
  value: string;
  hint?: string;
}

export function KpiCard({ id, label, value, hint }: KpiCardProps) {
  return (
    <div className="card kpi" data-testid={`kpi-${id}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={`kpi-${id}-value`}>
        {value}
      </div>
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}
