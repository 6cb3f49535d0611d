/** A running job's progress bar with its message and a Cancel button, as every job-backed page shows it. */
export interface JobProgressProps {
  job: { status: string; progress: number; message: string };
  onCancel: () => void;
  /** Page prefix for the class and test id, e.g. `network` → `network-progress`. */
  prefix: string;
}

export function JobProgress({ job, onCancel, prefix }: JobProgressProps) {
  return (
    <div className={`${prefix}-progress`} data-testid={`${prefix}-progress`}>
      <div className="bar-label">
        <span>{job.status === 'queued' ? 'Waiting for a worker…' : job.message}</span>
        <span className="num">{Math.round(job.progress * 100)} %</span>
      </div>
      <div className="bar-track">
        <div className="bar-fill" style={{ width: `${Math.max(2, job.progress * 100)}%` }} />
      </div>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
