/** Navigation, header with the merchant, and the current page. */
import { Suspense, useEffect } from 'react';
import { useApi } from './api/useApi';
import type { Merchant } from './api/types';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Icon } from './components/Icon';
import { Logo } from './components/Logo';
import { Loading } from './components/States';
import { findPage, pages, type PageDef } from './pages/registry';
import { routeHref, useRoute } from './lib/router';

const sections: PageDef['section'][] = ['Insights', 'Operations', 'Setup'];

export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const route = useRoute();
  const page = findPage(route);
  const merchant = useApi<Merchant>('/v1/merchant');

  useEffect(() => {
    const name = merchant.data?.name;
    document.title = [page?.label ?? 'Not found', name, 'Portolan'].filter(Boolean).join(' · ');
  }, [page, merchant.data]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <a className="brand" href={routeHref('overview')}>
          <Logo />
          <span>Portolan</span>
        </a>
        {sections.map((section) => (
          <div className="nav-section" key={section}>
            <div className="nav-section-title">{section}</div>
            {pages
              .filter((p) => p.section === section)
              .map((p) => (
                <a
                  key={p.id}
                  href={routeHref(p.id)}
                  className={`nav-link${p.id === route ? ' active' : ''}`}
                  aria-current={p.id === route ? 'page' : undefined}
                  data-testid={`nav-${p.id}`}
                >
                  <Icon name={p.icon} />
                  <span>{p.label}</span>
                </a>
              ))}
          </div>
        ))}
        <div className="sidebar-foot">
          <a href="/docs" target="_blank" rel="noreferrer">
            API reference
          </a>
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="merchant" data-testid="merchant">
            {merchant.data ? (
              <>
                <span className="merchant-avatar" aria-hidden="true">
                  {merchant.data.name.slice(0, 1).toUpperCase()}
                </span>
                <span>
                  <span className="merchant-name" data-testid="merchant-name">
                    {merchant.data.name}
                  </span>
                  <span className="merchant-meta">
                    {merchant.data.id} · {merchant.data.defaultCurrency}
                  </span>
                </span>
              </>
            ) : merchant.error ? (
              <span className="muted" title={merchant.error.message}>
                Merchant unavailable
              </span>
            ) : (
              <span className="skeleton" style={{ width: 160 }} />
            )}
          </div>
          <button type="button" className="btn btn-ghost" onClick={onSignOut} data-testid="sign-out">
            <Icon name="logout" size={16} /> Sign out
          </button>
        </header>
        <main className="content">
          {page ? (
            <ErrorBoundary key={page.id}>
              <Suspense fallback={<Loading label={`Opening ${page.label}…`} />}>
                <page.Component />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <section className="page" data-testid="page-not-found">
              <h1>Page not found</h1>
              <p>
                There is no page at <code>#/{route}</code>. Go to the <a href={routeHref('overview')}>overview</a>.
              </p>
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
