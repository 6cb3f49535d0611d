/** Asks for an API key when none came with the URL, and checks it against the API before keeping it. */
import { useState, type FormEvent } from 'react';
import { ApiError, request } from './api/client';
import type { Merchant } from './api/types';
import { Logo } from './components/Logo';

export function SignIn({ onSignIn, notice }: { onSignIn: (key: string) => void; notice: string | null }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const candidate = key.trim();
    if (!candidate) return;
    setBusy(true);
    setError(null);
    try {
      await request<Merchant>('/v1/merchant', { key: candidate, quietUnauthorized: true });
      onSignIn(candidate);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'This API key was not accepted.' : (err as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="signin" data-testid="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)}>
        <div className="signin-brand">
          <Logo size={36} />
          <span>Portolan</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Paste an API key for your merchant account. <code>portolan start</code> prints a sign-in link with a key, and{' '}
          <code>portolan keys create</code> makes a new one.
        </p>
        {notice ? (
          <div className="callout callout-warn" data-testid="signin-notice">
            {notice}
          </div>
        ) : null}
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="pk_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          autoFocus
          data-testid="signin-key"
        />
        {error ? (
          <div className="callout callout-error" role="alert" data-testid="signin-error">
            {error}
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !key.trim()} data-testid="signin-submit">
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
