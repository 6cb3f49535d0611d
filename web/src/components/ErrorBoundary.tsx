/** Keeps one broken page (or a page chunk that failed to load) from blanking the whole console. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorBox } from './States';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ErrorBox error={this.state.error} title="This page failed to render" onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
