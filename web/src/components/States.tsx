/** Loading, error and empty states shared by every page. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorBox({ error, onRetry, title }: { error: Error; onRetry?: () => void; title?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const heading = title ?? problem?.title ?? 'Something went wrong';
  return (
    <div className="state state-error" role="alert" data-testid="error">
      <div className="state-error-body">
        <strong>
          {heading}
          {problem?.status ? <span className="muted"> · HTTP {problem.status}</span> : null}
        </strong>
        <p data-testid="error-detail">{problem?.detail ?? error.message}</p>
        {problem?.errors?.length ? (
          <ul className="field-errors">
            {problem.errors.map((e, i) => (
              <li key={i}>
                <code>{e.field}</code> {e.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
